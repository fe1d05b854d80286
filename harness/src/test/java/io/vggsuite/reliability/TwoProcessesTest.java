package io.vggsuite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.cli.Main;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunLock;
import io.vggsuite.results.RunStatus;
import io.vggsuite.testing.TinyNets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one results folder. The lock is per run: a second process asked to train a run
 * that another is training exits at once, status 1, with one line naming the run, its folder and
 * the holder's pid; it neither waits nor writes. A different run in the same folder trains
 * meanwhile. The lock goes with its holder, even one killed with SIGKILL.
 */
@Tag("reliability-slow")
class TwoProcessesTest {

    @TempDir
    Path scratch;

    private List<String> train(Path data, Path results, int epochs, int seed) {
        return List.of("train", "--config", "A", "--width", TinyNets.WIDTH_ARGUMENT, "--epochs", Integer.toString(epochs),
                "--batch", "10", "--seed", Integer.toString(seed), "--dataset", "imagefolder:" + data,
                "--validation-images", "20", "--eval", "centre-crop", "--results", results.toString());
    }

    @Test
    void aSecondProcessOnTheSameRunExitsNamingTheHolderAndOtherRunsProceed() throws Exception {
        Path data = scratch.resolve("data");
        TinyBudget.writeImages(data);
        Path results = scratch.resolve("results");
        Process first = ChildJvm.start(Main.class, train(data, results, 1000, 1), scratch.resolve("first.log"));
        try {
            RunFolder running = awaitTraining(results, first);
            byte[] epochsBefore = Files.readAllBytes(running.dir().resolve(RunFolder.EPOCHS_FILE));

            CliOutcome second = CliOutcome.run(train(data, results, 1000, 1));

            assertEquals(1, second.status(), second.err());
            assertEquals(1, second.errorLines().size(), second.err());
            assertTrue(second.err().contains("run '" + running.runId() + "' is locked"), second.err());
            assertTrue(second.err().contains("pid " + first.pid()), second.err());
            assertTrue(first.isAlive(), "the second process disturbed the first");
            assertTrue(Files.readAllBytes(running.dir().resolve(RunFolder.EPOCHS_FILE)).length
                    >= epochsBefore.length, "epochs.csv shrank");

            CliOutcome other = CliOutcome.run(train(data, results, 1, 2));
            assertEquals(0, other.status(), "another run in the same folder: " + other.err());
        } finally {
            first.destroyForcibly().waitFor();
        }
        RunFolder killed = ResultsRoot.at(results).runs().stream()
                .filter(r -> r.status() == RunStatus.RUNNING).findFirst().orElseThrow();
        try (RunLock lock = killed.lock()) {
            assertTrue(lock.isHeld(), "the killed holder's lock was not released");
        }
        ResultsIntegrity.assertIntact(results);
    }

    /** The first process's run once it holds the lock and has finished an epoch. */
    private static RunFolder awaitTraining(Path results, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the first process ended early");
            if (Files.isDirectory(results.resolve(RunFolder.RUNS))) {
                List<RunFolder> runs = new ArrayList<>(ResultsRoot.at(results).runs());
                if (runs.size() == 1 && Files.exists(runs.get(0).dir().resolve(RunFolder.EPOCHS_FILE))) {
                    return runs.get(0);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first process did not finish an epoch within 3 minutes");
    }
}
