package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.cli.Main;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.testing.TinyImageFolder;
import io.vggsuite.testing.TinyNets;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section "Resumable runs": a run killed with SIGKILL after an epoch resumes to the same numbers. */
class ResumeAfterKillTest {

    @TempDir
    Path data;

    @TempDir
    Path scratch;

    private List<String> args(Path results) {
        return List.of("train", "--config", "A", "--width", TinyNets.WIDTH_ARGUMENT, "--epochs", "3", "--batch", "20",
                "--dataset", "imagefolder:" + data, "--validation-images", "20", "--seed", "9",
                "--eval", "centre-crop,dense", "--results", results.toString());
    }

    @Test
    void aRunKilledAfterItsFirstEpochEndsWithTheNumbersOfAnUninterruptedRun() throws Exception {
        TinyImageFolder.write(data, 40, 10);
        Path uninterrupted = scratch.resolve("uninterrupted");
        Path interrupted = scratch.resolve("interrupted");
        assertEquals(0, Main.run(args(uninterrupted).toArray(String[]::new)));

        Path log = scratch.resolve("killed.log");
        Process process = startInAnotherJvm(args(interrupted), log);
        Path checkpoint = awaitFirstCheckpoint(interrupted, process, log);
        process.destroyForcibly().waitFor();
        assertTrue(Files.exists(checkpoint));
        assertEquals(0, Main.run(args(interrupted).toArray(String[]::new)));

        RunFolder expected = onlyRun(uninterrupted);
        RunFolder resumed = onlyRun(interrupted);
        assertEquals(expected.finals(), resumed.finals());
        assertEquals(numbers(expected.epochs()), numbers(resumed.epochs()));
    }

    /** The columns that must match; seconds and images/s are measurements of the machine. */
    private static List<List<Double>> numbers(List<EpochRecord> epochs) {
        List<List<Double>> rows = new ArrayList<>();
        for (EpochRecord e : epochs) {
            rows.add(List.of((double) e.epoch(), e.learningRate(), e.trainLoss(), e.trainTop1Error(),
                    e.validationTop1Error(), e.validationTop5Error()));
        }
        return rows;
    }

    private static RunFolder onlyRun(Path results) {
        List<RunFolder> runs = ResultsRoot.at(results).runs();
        assertEquals(1, runs.size(), "runs in " + results);
        return runs.get(0);
    }

    private static Process startInAnotherJvm(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Path awaitFirstCheckpoint(Path results, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            Optional<Path> found = firstCheckpoint(results);
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                // Its output is in a temporary folder that JUnit deletes: say here why it ended.
                process.waitFor();
                throw new AssertionError("the training process ended (exit status " + process.exitValue()
                        + ") before its first checkpoint under " + results + "; its output:\n"
                        + Files.readString(log));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint within 3 minutes under " + results);
    }

    /**
     * Looks only where the checkpoint will appear: walking the whole run folder races the trainer's
     * temporary files, which vanish between being listed and being read.
     */
    private static Optional<Path> firstCheckpoint(Path results) throws IOException {
        Path runs = results.resolve(RunFolder.RUNS);
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> runDirs = Files.list(runs)) {
            return runDirs.map(run -> run.resolve(RunFolder.CHECKPOINTS_DIR).resolve("epoch-0001.ckpt"))
                    .filter(Files::exists)
                    .findFirst();
        }
    }
}
