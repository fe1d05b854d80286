package io.vggsuite.results;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One run's folder, {@code <results>/runs/<runId>/}:
 *
 * <ul>
 *   <li>{@code key.csv}: the {@link RunKey}, one row written by the trainer from the run's spec;
 *       what the report and {@code ci} select runs by;
 *   <li>{@code run.properties}: the {@link Provenance}, sorted by key;
 *   <li>{@code epochs.csv}: one {@link EpochRecord} per epoch, rewritten whole each epoch;
 *   <li>{@code final.csv}: one {@link FinalRecord} per evaluation;
 *   <li>{@code status}: "complete", or "diverged" followed by the {@link Divergence}; absent while
 *       the run is running or was stopped before it finished;
 *   <li>{@code predictions/<name>.preds}: per-image softmax outputs ({@link Predictions});
 *   <li>{@code checkpoints/}: written by the trainer;
 *   <li>{@code steps.trace}: a fingerprint of every SGD step, written by the trainer only when
 *       {@code -Dvggsuite.stepTrace=true} (docs/determinism.md);
 *   <li>{@code lock}: the {@link RunLock} file.
 * </ul>
 *
 * Nothing is created until something is written. Reading a file that is absent gives an empty
 * result; reading one that is damaged throws a {@link ResultsFileException} naming it.
 */
public final class RunFolder {

    /** Subfolder of the results root that holds the runs. */
    public static final String RUNS = "runs";
    public static final String KEY_FILE = "key.csv";
    public static final String PROVENANCE_FILE = "run.properties";
    public static final String EPOCHS_FILE = "epochs.csv";
    public static final String FINAL_FILE = "final.csv";
    public static final String STATUS_FILE = "status";
    public static final String PREDICTIONS_DIR = "predictions";
    public static final String CHECKPOINTS_DIR = "checkpoints";

    private static final String COMPLETE = "complete";
    private static final String DIVERGED = "diverged";
    private static final String STATUS_EPOCH = "epoch=";
    private static final String STATUS_LOSS = "last_finite_loss=";

    /** Run ids and prediction names become file names: keep them portable and free of paths. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+=-]*");

    private final String runId;
    private final Path dir;

    private RunFolder(String runId, Path dir) {
        this.runId = runId;
        this.dir = dir;
    }

    public static RunFolder at(Path resultsRoot, String runId) {
        requireSafe("run id", runId);
        return new RunFolder(runId, resultsRoot.resolve(RUNS).resolve(runId));
    }

    public String runId() {
        return runId;
    }

    public Path dir() {
        return dir;
    }

    public Path checkpointDir() {
        return dir.resolve(CHECKPOINTS_DIR);
    }

    // ---- key --------------------------------------------------------------------------------------

    /**
     * @throws IllegalArgumentException when the key is of another run: a folder holds one run
     */
    public void writeKey(RunKey key) {
        if (!key.runId().equals(runId)) {
            throw new IllegalArgumentException("key of run " + key.runId() + " cannot go into the folder of " + runId);
        }
        key.writeTo(dir.resolve(KEY_FILE));
    }

    /** Empty while the trainer has not written it (or for a folder from before keys existed). */
    public Optional<RunKey> key() {
        return RunKey.readFrom(dir.resolve(KEY_FILE));
    }

    // ---- provenance ---------------------------------------------------------------------------

    /**
     * Writes {@code run.properties} whole, atomically: the trainer's record of a session, at its
     * start and end ({@code train/RunProvenance}). Every later fact goes through
     * {@link #amendProvenance}, so these two are the file's only writers.
     */
    public void writeProvenance(Provenance provenance) {
        Path file = dir.resolve(PROVENANCE_FILE);
        try {
            AtomicFiles.write(file, provenance::writeTo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Changes the facts of {@code run.properties} that the trainer wrote, atomically; nothing
     * when it has not written them (a folder from before provenance existed): a run's status, an
     * evaluation's peak memory, the Slurm job or container that ran it. Callers hold the run's
     * lock where another process may amend the same file.
     */
    public void amendProvenance(UnaryOperator<Provenance> change) {
        provenance().map(change).ifPresent(this::writeProvenance);
    }

    public Optional<Provenance> provenance() {
        Path file = dir.resolve(PROVENANCE_FILE);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(Provenance.readFrom(in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new ResultsFileException(file, "not a properties file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    // ---- learning curve and final evaluations -------------------------------------------------

    public void writeEpochs(List<EpochRecord> rows) {
        CsvTable.write(dir.resolve(EPOCHS_FILE), Columns.EPOCHS, rows, r -> List.of(
                Integer.toString(r.epoch()),
                CsvTable.number(r.learningRate()),
                CsvTable.number(r.trainLoss()),
                CsvTable.number(r.trainTop1Error()),
                CsvTable.number(r.validationTop1Error()),
                CsvTable.number(r.validationTop5Error()),
                CsvTable.number(r.seconds()),
                CsvTable.number(r.imagesPerSecond())));
    }

    public List<EpochRecord> epochs() {
        return CsvTable.read(dir.resolve(EPOCHS_FILE), Columns.EPOCHS, row -> new EpochRecord(
                row.integer(Columns.EPOCH),
                row.number(Columns.LEARNING_RATE),
                row.number(Columns.TRAIN_LOSS),
                row.number(Columns.TRAIN_TOP1_ERROR),
                row.number(Columns.VAL_TOP1_ERROR),
                row.number(Columns.VAL_TOP5_ERROR),
                row.number(Columns.SECONDS),
                row.number(Columns.IMAGES_PER_SECOND)));
    }

    public void writeFinal(List<FinalRecord> rows) {
        CsvTable.write(dir.resolve(FINAL_FILE), Columns.FINAL, rows, FinalRecord::cells);
    }

    public List<FinalRecord> finals() {
        return CsvTable.read(dir.resolve(FINAL_FILE), Columns.FINAL, FinalRecord::from);
    }

    // ---- predictions --------------------------------------------------------------------------

    public void writePredictions(String name, int[] labels, float[][] probabilities) {
        PredictionsFile.write(predictionsFile(name), new Predictions(labels, probabilities));
    }

    public Optional<Predictions> predictions(String name) {
        return PredictionsFile.read(predictionsFile(name));
    }

    private Path predictionsFile(String name) {
        requireSafe("predictions name", name);
        return dir.resolve(PREDICTIONS_DIR).resolve(name + PredictionsFile.EXTENSION);
    }

    // ---- status -------------------------------------------------------------------------------

    public RunStatus status() {
        List<String> lines = statusLines();
        if (lines.isEmpty()) {
            return RunStatus.RUNNING;
        }
        String word = lines.get(0).strip();
        if (word.equals(COMPLETE)) {
            return RunStatus.COMPLETE;
        }
        if (word.equals(DIVERGED)) {
            return RunStatus.DIVERGED;
        }
        throw new ResultsFileException(dir.resolve(STATUS_FILE), 1,
                "status is '" + word + "', expected " + COMPLETE + " or " + DIVERGED);
    }

    /** Marks the run finished; also sets {@link ProvenanceKeys#STATUS} if provenance was written. */
    public void markComplete() {
        writeStatus(COMPLETE + "\n");
        amendProvenance(p -> p.with(ProvenanceKeys.STATUS, COMPLETE));
    }

    /** Marks the run diverged; also records the divergence in the provenance if it was written. */
    public void markDiverged(Divergence divergence) {
        writeStatus(DIVERGED + "\n"
                + STATUS_EPOCH + divergence.epoch() + "\n"
                + STATUS_LOSS + divergence.lastFiniteLoss() + "\n");
        amendProvenance(p -> p.toBuilder()
                .put(ProvenanceKeys.STATUS, DIVERGED)
                .put(ProvenanceKeys.DIVERGED_EPOCH, divergence.epoch())
                .put(ProvenanceKeys.DIVERGED_LAST_LOSS, divergence.lastFiniteLoss())
                .build());
    }

    public Optional<Divergence> divergence() {
        if (status() != RunStatus.DIVERGED) {
            return Optional.empty();
        }
        Path file = dir.resolve(STATUS_FILE);
        List<String> lines = statusLines();
        String epoch = field(file, lines, STATUS_EPOCH);
        String loss = field(file, lines, STATUS_LOSS);
        try {
            return Optional.of(new Divergence(Integer.parseInt(epoch), Double.parseDouble(loss)));
        } catch (NumberFormatException e) {
            throw new ResultsFileException(file, "bad divergence '" + epoch + "', '" + loss + "'", e);
        }
    }

    private static String field(Path file, List<String> lines, String prefix) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return lines.get(i).substring(prefix.length()).strip();
            }
        }
        throw new ResultsFileException(file, "diverged but no '" + prefix + "' line");
    }

    private void writeStatus(String text) {
        Path file = dir.resolve(STATUS_FILE);
        try {
            AtomicFiles.write(file, out -> out.write(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private List<String> statusLines() {
        Path file = dir.resolve(STATUS_FILE);
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    // ---- lock ---------------------------------------------------------------------------------

    /**
     * Takes the run's exclusive lock; fails at once with a message naming the run and folder if
     * another process (or another channel in this one) holds it.
     */
    public RunLock lock() throws IOException {
        return RunLock.acquire(runId, dir);
    }

    private static void requireSafe(String what, String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name
                    + "' must be letters, digits and . _ + = - (not starting with a symbol)");
        }
    }

    @Override
    public String toString() {
        return "run " + runId + " (" + dir + ")";
    }
}
