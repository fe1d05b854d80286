package io.vggsuite.cluster.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Grid;
import io.vggsuite.results.Divergence;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke grid's DAG scheduled over fake runs that only write their status: how many run at
 * once, when a child may start, and what a failure or a divergence does to the runs after it.
 */
class LocalGridTest {

    private static final Grid GRID = Grid.of(Budget.SMOKE, new DataCatalog());

    @TempDir
    Path results;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void neverRunsMoreThanTheLayoutsProcessesUsesThemAllAndStartsARunOnlyOnceItsParentIsComplete()
            throws InterruptedException {
        Fake fake = new Fake(spec -> false, spec -> false);
        List<LocalGrid.Result> outcome = new LocalGrid(GRID, results, fake, out).run(new Layout(2, 1));

        assertEquals(2, fake.mostAtOnce.get(), printed.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), fake.startedBeforeTheirParent, "children started before their parent was complete");
        assertEquals(GRID.runs().size(), fake.started.size(), "each run started once: " + fake.started);
        assertTrue(outcome.stream().allMatch(r -> r.outcome() == LocalGrid.Outcome.COMPLETE), outcome.toString());
        assertTrue(fake.threads.stream().allMatch(t -> t == 1), "the layout's threads reach every run");
    }

    @Test
    void aRunThatFailsBlocksEveryRunThatStartsFromItAndTheOthersStillTrain() throws InterruptedException {
        String failed = netA().runId();
        Fake fake = new Fake(spec -> spec.runId().equals(failed), spec -> false);

        List<LocalGrid.Result> outcome = new LocalGrid(GRID, results, fake, out).run(new Layout(2, 1));

        for (int i = 0; i < outcome.size(); i++) {
            RunSpec spec = GRID.runs().get(i);
            LocalGrid.Outcome expected = spec.runId().equals(failed) ? LocalGrid.Outcome.FAILED
                    : descendsFrom(spec, failed) ? LocalGrid.Outcome.BLOCKED : LocalGrid.Outcome.COMPLETE;
            assertEquals(expected, outcome.get(i).outcome(), spec.runId());
        }
        assertTrue(outcome.stream().anyMatch(r -> r.outcome() == LocalGrid.Outcome.BLOCKED), outcome.toString());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("it starts from " + failed), printed.toString());
    }

    @Test
    void aDivergedRunIsAnOutcomeNotAFailureAndTheRunsStartingFromItAreBlocked() throws InterruptedException {
        String diverged = netA().runId();
        Fake fake = new Fake(spec -> false, spec -> spec.runId().equals(diverged));

        List<LocalGrid.Result> outcome = new LocalGrid(GRID, results, fake, out).run(new Layout(2, 1));

        for (int i = 0; i < outcome.size(); i++) {
            RunSpec spec = GRID.runs().get(i);
            if (spec.runId().equals(diverged)) {
                assertEquals(LocalGrid.Outcome.DIVERGED, outcome.get(i).outcome());
            } else if (descendsFrom(spec, diverged)) {
                assertEquals(LocalGrid.Outcome.BLOCKED, outcome.get(i).outcome(), spec.runId());
            }
        }
    }

    @Test
    void runsAlreadyDoneAreNeitherStartedAgainNorWaitedForTwice() throws InterruptedException {
        List<RunSpec> scratch = GRID.runs().stream().filter(s -> s.start().parent().isEmpty()).toList();
        scratch.forEach(s -> RunFolder.at(results, s.runId()).markComplete());
        Fake fake = new Fake(spec -> false, spec -> false);

        List<LocalGrid.Result> outcome = new LocalGrid(GRID, results, fake, out).run(new Layout(1, 2));

        assertTrue(scratch.stream().noneMatch(s -> fake.started.contains(s.runId())), fake.started.toString());
        assertEquals(GRID.runs().size() - scratch.size(), fake.started.size());
        assertEquals(scratch.size(), outcome.stream().filter(r -> r.outcome() == LocalGrid.Outcome.ALREADY_DONE).count());
        assertEquals(1, fake.mostAtOnce.get(), "one process at a time");
    }

    @Test
    void runsNotChosenForThisStretchAreLeftForLaterAndTheRunsStartingFromThemAreBlocked()
            throws InterruptedException {
        String left = netA().runId();
        Fake fake = new Fake(spec -> false, spec -> false);

        List<LocalGrid.Result> outcome = new LocalGrid(GRID, results, fake, out)
                .run(new Layout(2, 1), spec -> !spec.runId().equals(left));

        for (int i = 0; i < outcome.size(); i++) {
            RunSpec spec = GRID.runs().get(i);
            LocalGrid.Outcome expected = spec.runId().equals(left) ? LocalGrid.Outcome.LEFT_FOR_LATER
                    : descendsFrom(spec, left) ? LocalGrid.Outcome.BLOCKED : LocalGrid.Outcome.COMPLETE;
            assertEquals(expected, outcome.get(i).outcome(), spec.runId());
        }
        assertTrue(fake.started.stream().noneMatch(id -> id.equals(left) || descendsFrom(GRID.run(id), left)),
                fake.started.toString());
        assertEquals(RunStatus.RUNNING, RunFolder.at(results, left).status(), "a run left for later is not touched");
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("(1 more left for later)"), printed.toString());
    }

    /** The A every warm start of the grid's first width starts from. */
    private static RunSpec netA() {
        return GRID.runs().stream().flatMap(s -> s.start().parent().stream()).filter(p -> p.start().parent().isEmpty())
                .findFirst().orElseThrow();
    }

    private static boolean descendsFrom(RunSpec spec, String ancestor) {
        for (RunSpec p = spec.start().parent().orElse(null); p != null; p = p.start().parent().orElse(null)) {
            if (p.runId().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** A run that takes a few milliseconds and writes only its status, as the real job's last act. */
    private final class Fake implements LocalGrid.Launch {
        final Predicate<RunSpec> fails;
        final Predicate<RunSpec> diverges;
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final List<String> startedBeforeTheirParent = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> threads = Collections.synchronizedList(new ArrayList<>());

        Fake(Predicate<RunSpec> fails, Predicate<RunSpec> diverges) {
            this.fails = fails;
            this.diverges = diverges;
        }

        @Override
        public CompletableFuture<Integer> start(RunSpec spec, int threadCount) {
            started.add(spec.runId());
            threads.add(threadCount);
            spec.start().parent().filter(p -> RunFolder.at(results, p.runId()).status() != RunStatus.COMPLETE)
                    .ifPresent(p -> startedBeforeTheirParent.add(spec.runId()));
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            return CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                if (fails.test(spec)) {
                    return 1;
                }
                if (diverges.test(spec)) {
                    RunFolder.at(results, spec.runId()).markDiverged(new Divergence(1, 2.3026));
                    return 1;
                }
                RunFolder.at(results, spec.runId()).markComplete();
                return 0;
            }, LocalGridTest.this.threads);
        }
    }
}
