package io.vggsuite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at random points of a multi-run budget ({@link TinyBudget}: three runs, checkpoints,
 * CSV writes, evaluations), restart after each kill, and end with the numbers of an uninterrupted
 * run. Kills land three ways, in turn: while an atomic write is in flight (a checkpoint, a CSV,
 * predictions), a random moment after a write (inside an epoch or an evaluation), and a random
 * moment after the start. The random choices come from a fixed seed.
 */
@Tag("reliability-slow")
class KillNineTest {

    private static final int KILLS = 20;
    private static final Duration LIMIT = Duration.ofMinutes(5);
    /** Writes that carry results; run.properties, rewritten at every start, is left out of the count. */
    private static final Predicate<String> ANY_RESULT = kind -> !kind.equals("run.properties");
    private static final Predicate<String> EVALUATION_RESULT = kind -> kind.equals("predictions")
            || kind.equals("final.csv");

    @TempDir
    Path scratch;

    @Test
    void twentyKillsAtRandomPointsOfABudgetLoseNothingAndCountNothingTwice(TestReporter reporter) throws Exception {
        Path data = scratch.resolve("data");
        TinyBudget.writeImages(data);
        Path reference = scratch.resolve("reference");
        long start = System.nanoTime();
        assertEquals(0, ChildJvm.run(TinyBudget.class, List.of(data.toString(), reference.toString()),
                scratch.resolve("reference.log"), LIMIT));
        Duration uninterrupted = Duration.ofNanos(System.nanoTime() - start);

        Path results = scratch.resolve("killed");
        Random random = new Random(20150410);
        Map<String, Integer> landed = new TreeMap<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Set<Path> strayBefore = new HashSet<>(ResultsIntegrity.strayTemporaryFiles(results));
            Process process = ChildJvm.start(TinyBudget.class, List.of(data.toString(), results.toString()),
                    scratch.resolve("session-" + kill + ".log"));
            String where = switch (kill % 4) {
                case 0 -> killAtWrite(process, results, 1 + random.nextInt(3));
                case 1 -> killAfterWrite(process, results, ANY_RESULT, 1 + random.nextInt(3), random.nextInt(200));
                case 2 -> killAfterWrite(process, results, EVALUATION_RESULT, 1, random.nextInt(100));
                default -> killAfter(process, (long) (random.nextDouble() * uninterrupted.toMillis() / 4));
            };
            if (where == null) {
                throw new AssertionError("the budget ended (exit status " + process.waitFor() + ") before kill "
                        + (kill + 1) + " of " + KILLS + ":\n" + Files.readString(scratch.resolve("session-" + kill + ".log")));
            }
            for (Path stray : ResultsIntegrity.strayTemporaryFiles(results)) {
                if (!strayBefore.contains(stray)) {
                    where = "mid-write of " + kindOf(stray);
                }
            }
            landed.merge(where, 1, Integer::sum);
            ResultsIntegrity.assertIntact(results);
        }
        assertEquals(0, ChildJvm.run(TinyBudget.class, List.of(data.toString(), results.toString()),
                scratch.resolve("completion.log"), LIMIT));

        ResultsIntegrity.assertIntact(results);
        ResultsIntegrity.assertSameNumbers(reference, results);
        reporter.publishEntry("kill -9", KILLS + " kills survived, landing " + landed + "; "
                + ResultsIntegrity.strayTemporaryFiles(results).size() + " stray .tmp files left");
    }

    /** Kills as soon as the {@code n}-th atomic write of results in this session is seen in flight. */
    private static String killAtWrite(Process process, Path results, int n) throws Exception {
        Path write = awaitWrite(process, results, ANY_RESULT, n);
        if (write == null) {
            return null;
        }
        process.destroyForcibly().waitFor();
        return "just after the write of " + kindOf(write);
    }

    /** Kills {@code millis} after the {@code n}-th counted write of this session: inside an epoch or an evaluation. */
    private static String killAfterWrite(Process process, Path results, Predicate<String> counted, int n,
            long millis) throws Exception {
        Path write = awaitWrite(process, results, counted, n);
        if (write == null) {
            return null;
        }
        Thread.sleep(millis);
        if (!process.isAlive()) {
            return null;
        }
        process.destroyForcibly().waitFor();
        String kind = kindOf(write);
        return kind.startsWith("checkpoint") || kind.startsWith("epochs") ? "during an epoch"
                : kind.startsWith("run.properties") ? "at a run's start" : "during evaluation";
    }

    private static String killAfter(Process process, long millis) throws Exception {
        Thread.sleep(millis);
        if (!process.isAlive()) {
            return null;
        }
        process.destroyForcibly().waitFor();
        return "at a random time";
    }

    /** The temporary file of the {@code n}-th write seen, or null if the process ended first. */
    private static Path awaitWrite(Process process, Path results, Predicate<String> counted, int n)
            throws Exception {
        Set<Path> seen = new HashSet<>(ResultsIntegrity.strayTemporaryFiles(results));
        int writes = 0;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            for (Path temp : temporaryFiles(results)) {
                if (seen.add(temp) && counted.test(kindOf(temp)) && ++writes == n) {
                    return temp;
                }
            }
            Thread.onSpinWait();
        }
        return null;
    }

    private static List<Path> temporaryFiles(Path results) {
        try {
            return ResultsIntegrity.strayTemporaryFiles(results);
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a file renamed while the folder was walked; look again
        }
    }

    private static String kindOf(Path temp) {
        String name = temp.getFileName().toString();
        if (name.startsWith(".epoch-")) {
            return "checkpoint";
        }
        for (String kind : List.of("epochs.csv", "final.csv", "run.properties", "status", "model.params")) {
            if (name.startsWith("." + kind + ".")) {
                return kind;
            }
        }
        return Files.isDirectory(temp.getParent()) && temp.getParent().getFileName().toString().equals("predictions")
                ? "predictions" : name;
    }
}
