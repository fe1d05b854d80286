package io.vggsuite.report;

import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.Convergence;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where every number came from: one row per run folder, the target of every superscript link, with
 * the settings and machine facts of its {@code run.properties}, and what the run cost (training wall
 * time, peak resident memory while training and while evaluating): what a reader sizing a rerun, or
 * a cluster job's time and memory request, needs.
 */
final class RunsTable {

    private RunsTable() {}

    static Table runs(RunIndex index) {
        List<List<Cell>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double trainingSeconds = 0;
        int timed = 0;
        List<String> stillImproving = new ArrayList<>();
        List<String> replayed = new ArrayList<>();
        int judged = 0;
        for (RunInfo run : index.all()) {
            if (run.status() == RunStatus.COMPLETE) {
                Optional<Convergence> convergence = Convergence.of(run.epochs());
                judged += convergence.isPresent() ? 1 : 0;
                convergence.filter(Convergence::stillImproving).ifPresent(c -> stillImproving.add(run.label()));
            }
            OptionalDouble wall = run.provenance().getDouble(ProvenanceKeys.WALL_SECONDS);
            if (wall.isPresent()) {
                trainingSeconds += wall.getAsDouble();
                timed++;
            }
            rows.add(List.of(
                    Cell.anchored(run.label(), run.anchor()),
                    Cell.of(RunFolder.RUNS + "/" + run.runId()),
                    run.config().map(Cell::of).orElse(Cell.missing("?")),
                    Cell.of(run.paperTrainScale().orElse("?") + " → " + run.trainScale()),
                    run.key().map(k -> Cell.of(k.start())).orElse(Cell.missing("?")),
                    run.key().map(k -> Cell.of(Long.toString(k.seed()))).orElse(Cell.missing("?")),
                    Cell.of(run.scale()),
                    status(run),
                    Cell.of(Integer.toString(run.epochs().size())),
                    firstDecrease(run),
                    convergence(run),
                    wall.isPresent() ? Cell.of(duration(wall.getAsDouble())) : Cell.missing(Formats.NOT_MEASURED),
                    Cell.of(peakMemory(run)),
                    Cell.of(commit(run)),
                    text(run, ProvenanceKeys.DEVICE),
                    Cell.of(run.provenance().get(ProvenanceKeys.DJL_VERSION).orElse("?") + " / "
                            + run.provenance().get(ProvenanceKeys.PYTORCH_VERSION).orElse("?"))));
            run.provenance().get(ProvenanceKeys.LOSS_NOT_FINITE).ifPresent(events -> replayed.add(run.label()
                    + " (" + events + ")"));
            run.problem().ifPresent(p -> notes.add(run.label() + " could not be read: " + p));
            if (run.problem().isEmpty() && run.config().isEmpty()) {
                notes.add(run.label() + " has no " + RunFolder.KEY_FILE + " (the trainer writes it), so no table shows it.");
            }
        }
        if (!stillImproving.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "%d of %d complete runs stopped while still improving: their final"
                    + " learning-rate phase set a new best validation error within its last %d epochs, so the paper's"
                    + " rule (divide the rate when validation stops improving, Section 3.1) would have trained on;"
                    + " gaps between such runs measure how fast the nets learn, not what they reach: %s.",
                    stillImproving.size(), judged, Convergence.PLATEAU_PATIENCE, String.join(", ", stillImproving)));
        } else if (judged > 0) {
            notes.add(String.format(Locale.ROOT, "All %d complete runs had stopped improving: none set a better"
                    + " validation error than its best in the last %d epochs at its final learning rate, so the paper's"
                    + " rule (Section 3.1) would have lowered the rate or stopped.", judged, Convergence.PLATEAU_PATIENCE));
        }
        ScheduleTiming.of(index).ifPresent(timing -> notes.add(timing.describe()));
        if (!replayed.isEmpty()) {
            notes.add("A training loss stopped being finite in " + replayed.size() + " run"
                    + (replayed.size() == 1 ? "" : "s") + "; each time the epoch was replayed from its last checkpoint"
                    + " (same weights, seed and batches): \"finite\" means the replay passed and the run trained on (whether"
                    + " a loss spike overflows can depend on the process's last bits; the curve shows the spike);"
                    + " \"not finite again\" means the net diverged"
                    + " (docs/determinism.md): " + String.join("; ", replayed) + ".");
        }
        if (rows.isEmpty()) {
            notes.add("No run folders yet.");
        } else if (timed > 0) {
            notes.add("Training wall time in all: " + duration(trainingSeconds) + " over " + timed + " run"
                    + (timed == 1 ? "" : "s") + " (from each run's first start to its end, so a run resumed in a"
                    + " later session counts the pause; test-set evaluations are not in it). Peak memory is the"
                    + " process's resident peak (VmHWM) while the run trained / while its evaluations ran.");
        }
        return new Table("runs", "Runs: the provenance of every number",
                List.of("ref", "folder", "config", "train S (paper → ours)", "init", "seed", "scale", "status",
                        "epochs", "rate first lowered after epoch",
                        "validation top-1 over the last " + Convergence.WINDOW + " epochs",
                        "training wall time",
                        "peak memory MiB (train / eval)", "commit", "device", "DJL / PyTorch"),
                rows, notes);
    }

    /** "42 s", "6.1 min", "2 h 05 min": minutes to a tenth below an hour, to the minute above. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        long minutes = Math.round(seconds / 60);
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    private static String peakMemory(RunInfo run) {
        return mebibytes(run, ProvenanceKeys.PEAK_RSS_MIB) + " / " + mebibytes(run, ProvenanceKeys.PEAK_RSS_MIB_EVALUATION);
    }

    private static String mebibytes(RunInfo run, String key) {
        OptionalLong mib = run.provenance().getLong(key);
        return mib.isPresent() ? Long.toString(mib.getAsLong()) : Formats.NOT_MEASURED;
    }

    /** Only a complete run's curve says whether it had finished learning; a diverged one's says nothing. */
    private static Cell convergence(RunInfo run) {
        if (run.status() != RunStatus.COMPLETE) {
            return Cell.missing("–");
        }
        return Convergence.of(run.epochs()).map(c -> Cell.of(c.describe())).orElse(Cell.missing("?"));
    }

    /** When the plateau rule first lowered the rate: noise in it moves where a run ends (see {@link ScheduleTiming}). */
    private static Cell firstDecrease(RunInfo run) {
        OptionalInt epoch = Convergence.lastEpochAtStartingRate(run.epochs());
        return epoch.isPresent() ? Cell.of(Integer.toString(epoch.getAsInt())) : Cell.missing("–");
    }

    private static Cell text(RunInfo run, String key) {
        return run.provenance().get(key).map(Cell::of).orElse(Cell.missing("?"));
    }

    private static Cell status(RunInfo run) {
        if (run.problem().isPresent()) {
            return Cell.missing("unreadable");
        }
        if (run.status() == RunStatus.DIVERGED) {
            return Cell.of(run.divergence()
                    .map(d -> Formats.DIVERGED + " at epoch " + d.epoch() + " (last finite loss "
                            + String.format(Locale.ROOT, "%.3g", d.lastFiniteLoss()) + ")")
                    .orElse(Formats.DIVERGED));
        }
        return Cell.of(run.status() == RunStatus.COMPLETE ? "complete" : "running or stopped");
    }

    private static String commit(RunInfo run) {
        String commit = run.provenance().get(ProvenanceKeys.GIT_COMMIT).orElse("?");
        String shortCommit = commit.length() > 10 ? commit.substring(0, 10) : commit;
        return run.provenance().get(ProvenanceKeys.GIT_DIRTY).filter("true"::equals).isPresent()
                ? shortCommit + " (dirty)"
                : shortCommit;
    }
}
