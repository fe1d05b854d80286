package io.vggsuite.cluster.local;

import io.vggsuite.cluster.Grid;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.RunSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * A budget's grid trained on this machine, up to {@link Layout#processes} runs at once, each started
 * only once the run it starts from is complete (the edges Slurm's {@code afterok} follows). The
 * runs go into the shared results folder through the same job a scheduler runs, so the run cache,
 * the per-run lock and resumption hold: a complete run is skipped, a stopped one resumes, and a
 * second scheduler on the same folder does no harm. A run that fails or diverges blocks the runs
 * that start from it; the others go on.
 */
public final class LocalGrid {

    /**
     * What became of a run. {@code LEFT_FOR_LATER}: not done and not among the runs chosen for this
     * stretch ({@link #run(Layout, Predicate)}); a run starting from it is blocked.
     */
    public enum Outcome { COMPLETE, DIVERGED, FAILED, BLOCKED, ALREADY_DONE, LEFT_FOR_LATER }

    /** One line of the summary; {@code exitStatus} is -1 where no process ran. */
    public record Result(String runId, Outcome outcome, Duration wall, int exitStatus) {}

    /** Starts training one run with {@code threads} intra-op threads; completes with its exit status. */
    @FunctionalInterface
    public interface Launch {
        CompletableFuture<Integer> start(RunSpec spec, int threads);
    }

    private final Grid grid;
    private final Path results;
    private final Launch launch;
    private final PrintStream out;

    /**
     * @param results the budget's results folder ({@code <resultsParent>/<budget>}), where the
     *     runs' folders say which are complete
     */
    public LocalGrid(Grid grid, Path results, Launch launch, PrintStream out) {
        this.grid = grid;
        this.results = results;
        this.launch = launch;
        this.out = out;
    }

    /** Trains every run of the grid that is not done yet; returns one result per run, in grid order. */
    public List<Result> run(Layout layout) throws InterruptedException {
        return run(layout, spec -> true);
    }

    /**
     * Trains the runs of the grid that are not done yet and that {@code chosen} accepts (a working
     * stretch too short for the whole grid trains what fits and leaves the rest, whose checkpoints
     * it would otherwise lose); returns one result per run, in grid order.
     */
    public List<Result> run(Layout layout, Predicate<RunSpec> chosen) throws InterruptedException {
        Map<String, Result> done = new LinkedHashMap<>();
        List<RunSpec> pending = new ArrayList<>();
        for (RunSpec spec : grid.runs()) {
            if (status(spec.runId()) != RunStatus.RUNNING) {
                done.put(spec.runId(), new Result(spec.runId(), Outcome.ALREADY_DONE, Duration.ZERO, -1));
            } else if (chosen.test(spec)) {
                pending.add(spec);
            } else {
                done.put(spec.runId(), new Result(spec.runId(), Outcome.LEFT_FOR_LATER, Duration.ZERO, -1));
            }
        }
        long later = done.values().stream().filter(r -> r.outcome() == Outcome.LEFT_FOR_LATER).count();
        out.printf(Locale.ROOT, "%d of %d runs to train%s, %s%n", pending.size(), grid.runs().size(),
                later == 0 ? "" : " (" + later + " more left for later)", layout);
        Map<String, CompletableFuture<Integer>> running = new LinkedHashMap<>();
        Map<String, Long> started = new LinkedHashMap<>();
        BlockingQueue<String> finished = new LinkedBlockingQueue<>();
        while (!pending.isEmpty() || !running.isEmpty()) {
            for (Iterator<RunSpec> it = pending.iterator(); it.hasNext() && running.size() < layout.processes(); ) {
                RunSpec spec = it.next();
                Optional<String> parent = spec.start().parent().map(RunSpec::runId);
                if (parent.isPresent() && blocks(parent.get(), done)) {
                    it.remove();
                    done.put(spec.runId(), new Result(spec.runId(), Outcome.BLOCKED, Duration.ZERO, -1));
                    Outcome parentOutcome = done.get(parent.get()).outcome();
                    out.printf(Locale.ROOT, "blocked  %s: it starts from %s, which %s%n", spec.runId(), parent.get(),
                            parentOutcome == Outcome.LEFT_FOR_LATER ? "is left for later"
                                    : parentOutcome.name().toLowerCase(Locale.ROOT));
                    continue;
                }
                if (parent.isPresent() && status(parent.get()) == RunStatus.DIVERGED) {
                    it.remove();
                    done.put(spec.runId(), new Result(spec.runId(), Outcome.BLOCKED, Duration.ZERO, -1));
                    out.printf(Locale.ROOT, "blocked  %s: it starts from %s, which diverged%n", spec.runId(), parent.get());
                    continue;
                }
                if (parent.isPresent() && status(parent.get()) != RunStatus.COMPLETE) {
                    continue;
                }
                it.remove();
                String runId = spec.runId();
                started.put(runId, System.nanoTime());
                CompletableFuture<Integer> exit = launch.start(spec, layout.threads());
                running.put(runId, exit);
                exit.whenComplete((status, error) -> finished.add(runId));
                out.printf(Locale.ROOT, "started  %s (%d running)%n", runId, running.size());
            }
            if (running.isEmpty()) {
                // Nothing runs and nothing could start: the rest wait on parents outside the grid.
                for (RunSpec spec : pending) {
                    done.put(spec.runId(), new Result(spec.runId(), Outcome.BLOCKED, Duration.ZERO, -1));
                    out.printf(Locale.ROOT, "blocked  %s: its parent %s is neither in the grid nor complete%n",
                            spec.runId(), spec.start().parent().map(RunSpec::runId).orElse("?"));
                }
                pending.clear();
                break;
            }
            String runId = finished.take();
            int exitStatus = running.remove(runId).handle((status, error) -> error == null ? status : -1).join();
            Duration wall = Duration.ofNanos(System.nanoTime() - started.get(runId));
            RunStatus status = status(runId);
            Outcome outcome = status == RunStatus.DIVERGED ? Outcome.DIVERGED
                    : status == RunStatus.COMPLETE && exitStatus == 0 ? Outcome.COMPLETE : Outcome.FAILED;
            done.put(runId, new Result(runId, outcome, wall, exitStatus));
            out.printf(Locale.ROOT, "%-8s %s after %.1f min (exit status %d)%n", outcome.name().toLowerCase(Locale.ROOT),
                    runId, wall.toMillis() / 60_000.0, exitStatus);
        }
        List<Result> ordered = new ArrayList<>();
        grid.runs().forEach(spec -> ordered.add(done.get(spec.runId())));
        return ordered;
    }

    private static boolean blocks(String parent, Map<String, Result> done) {
        Result result = done.get(parent);
        return result != null && switch (result.outcome()) {
            case FAILED, BLOCKED, DIVERGED, LEFT_FOR_LATER -> true;
            // A parent done before this scheduler started: its folder says whether it diverged.
            case COMPLETE, ALREADY_DONE -> false;
        };
    }

    private RunStatus status(String runId) {
        return RunFolder.at(results, runId).status();
    }
}
