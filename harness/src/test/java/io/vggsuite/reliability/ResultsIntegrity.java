package io.vggsuite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What "results stay complete and correct" means, checked on a whole results folder: every CSV
 * and status file parses, every checkpoint's SHA-256 trailer holds, every predictions file reads
 * back, each epoch and each evaluation is counted once, and the numbers equal a reference run's.
 */
final class ResultsIntegrity {

    private static final int CHECKSUM_BYTES = 32;

    private ResultsIntegrity() {}

    /** Fails naming the file that is damaged, or the run whose epochs or evaluations repeat. */
    static void assertIntact(Path resultsRoot) throws IOException {
        for (RunFolder run : ResultsRoot.at(resultsRoot).runs()) {
            run.status();
            run.provenance();
            List<EpochRecord> epochs = run.epochs();
            for (int i = 0; i < epochs.size(); i++) {
                assertEquals(i + 1, epochs.get(i).epoch(), "epoch rows of " + run + " are not 1, 2, …");
            }
            Set<String> evaluations = new HashSet<>();
            for (FinalRecord row : run.finals()) {
                assertTrue(evaluations.add(row.method().id() + " " + row.paperTestScales()),
                        "evaluation counted twice in " + run + ": " + row);
            }
            for (Path checkpoint : checkpoints(run)) {
                assertTrue(checksumHolds(checkpoint), "checkpoint fails its checksum: " + checkpoint);
            }
            for (String name : predictionNames(run)) {
                assertTrue(run.predictions(name).isPresent(), "predictions " + name + " of " + run);
            }
        }
    }

    /** The same runs, complete, with the same evaluations and the same learning curves. */
    static void assertSameNumbers(Path expectedRoot, Path actualRoot) {
        Map<String, RunFolder> expected = byId(expectedRoot);
        Map<String, RunFolder> actual = byId(actualRoot);
        assertEquals(expected.keySet(), actual.keySet(), "run ids");
        for (String id : expected.keySet()) {
            RunFolder want = expected.get(id);
            RunFolder got = actual.get(id);
            assertEquals(RunStatus.COMPLETE, got.status(), "status of " + got);
            assertEquals(want.finals(), got.finals(), "final.csv of " + id);
            assertEquals(curve(want.epochs()), curve(got.epochs()), "epochs.csv of " + id);
        }
    }

    /** Error, loss and learning-rate columns; seconds and images/s measure the machine, not the run. */
    static List<List<Double>> curve(List<EpochRecord> epochs) {
        List<List<Double>> rows = new ArrayList<>();
        for (EpochRecord e : epochs) {
            rows.add(List.of((double) e.epoch(), e.learningRate(), e.trainLoss(), e.trainTop1Error(),
                    e.validationTop1Error(), e.validationTop5Error()));
        }
        return rows;
    }

    static boolean checksumHolds(Path checkpoint) throws IOException {
        byte[] all = Files.readAllBytes(checkpoint);
        if (all.length < 12 + CHECKSUM_BYTES) {
            return false;
        }
        byte[] content = Arrays.copyOfRange(all, 0, all.length - CHECKSUM_BYTES);
        byte[] stored = Arrays.copyOfRange(all, all.length - CHECKSUM_BYTES, all.length);
        return MessageDigest.isEqual(sha256(content), stored);
    }

    static List<Path> checkpoints(RunFolder run) throws IOException {
        return list(run.checkpointDir(), "epoch-", ".ckpt");
    }

    /** Temporary files of atomic writes that a kill interrupted, anywhere under the folder. */
    static List<Path> strayTemporaryFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).sorted().toList();
        }
    }

    private static List<String> predictionNames(RunFolder run) throws IOException {
        return list(run.dir().resolve(RunFolder.PREDICTIONS_DIR), "", ".preds").stream()
                .map(f -> f.getFileName().toString().replaceFirst("\\.preds$", "")).toList();
    }

    private static List<Path> list(Path dir, String prefix, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix) && !name.startsWith(".");
            }).sorted().toList();
        }
    }

    private static Map<String, RunFolder> byId(Path root) {
        Map<String, RunFolder> runs = new TreeMap<>();
        ResultsRoot.at(root).runs().forEach(r -> runs.put(r.runId(), r));
        return runs;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
