package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.FinishStep;
import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.Launcher;
import io.vggsuite.cluster.Resources;
import io.vggsuite.cluster.RunJob;
import io.vggsuite.cluster.local.Layout;
import io.vggsuite.cluster.local.LocalGrid;
import io.vggsuite.cluster.local.ProcessLaunch;
import io.vggsuite.cluster.local.ThroughputProbe;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar cluster/target/vgg-cluster.jar local --budget cifar10-converged --seeds 2
 * --results published}: the grid's runs on this machine, side by side where a probe measures that
 * it pays, then the command that evaluates, judges and reports them.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Train a budget's grid on this machine, runs side by side along the DAG where that is faster.")
final class LocalCommand implements Callable<Integer> {

    @Mixin
    GridOptions grid;

    @Option(names = "--processes", defaultValue = "auto", description = "Runs at once, or 'auto': measure each "
            + "split of the cores (ThroughputProbe) and take the fastest, one run at a time unless a split gains "
            + "5%%.")
    String processes;

    @Option(names = "--threads", description = "PyTorch threads per run; default: the cores divided by --processes.")
    Integer threads;

    @Option(names = "--probe-rounds", defaultValue = "2", description = "Rounds of the probe, each layout once per round.")
    int probeRounds;

    @Option(names = "--probe-only", description = "Measure the layouts, print the choice and train nothing.")
    boolean probeOnly;

    @Option(names = "--mem-mib", description = "Memory per run in MiB (the heap gets three quarters); default: the budget's.")
    Integer memoryMiB;

    @Option(names = "--jar", description = "The cluster jar the runs start; default: this one.")
    Path jar;

    @Option(names = "--only", split = ",", paramLabel = "GLOB", description = "Train only the runs whose id matches "
            + "one of these globs (* and ?), e.g. 'D-w1_8-*,B_5X5-*': a working stretch trains what fits and leaves "
            + "the rest for later; a run whose parent is left is blocked. Default: every run not done.")
    List<String> only;

    @Override
    public Integer call() throws Exception {
        Budget budget = grid.budget();
        PrintStream out = System.out;
        int cores = Runtime.getRuntime().availableProcessors();
        // Options first: a mistake is named before the data is loaded or a probe runs.
        Optional<Layout> chosen = explicitLayout(cores);
        Resources resources = Resources.forBudget(budget).withGpus(0);
        if (memoryMiB != null) {
            resources = resources.withMemoryMiB(memoryMiB);
        }
        Grid runs = Grid.of(budget, new DataCatalog());
        Predicate<RunSpec> thisStretch = chosenRuns(runs);
        Launcher launcher = Launcher.of(SlurmOptions.jarOr(jar), System.getenv());
        Layout layout = chosen.isPresent() ? chosen.get() : probe(cores, runs, launcher, resources, budget, out);
        if (probeOnly) {
            return 0;
        }
        Path results = RunJob.resultsOf(budget, grid.results);
        ProcessLaunch launch = new ProcessLaunch(launcher, resources, budget, grid.results, out);
        List<LocalGrid.Result> outcomes = new LocalGrid(runs, results, launch, out).run(layout, thisStretch);
        long failed = outcomes.stream().filter(r -> r.outcome() == LocalGrid.Outcome.FAILED).count();
        long blocked = outcomes.stream().filter(r -> r.outcome() == LocalGrid.Outcome.BLOCKED).count();
        out.printf(Locale.ROOT, "%d runs: %d trained, %d diverged, %d failed, %d blocked, %d done before, %d left for later;"
                        + " logs in %s%n",
                outcomes.size(), count(outcomes, LocalGrid.Outcome.COMPLETE), count(outcomes, LocalGrid.Outcome.DIVERGED),
                failed, blocked, count(outcomes, LocalGrid.Outcome.ALREADY_DONE),
                count(outcomes, LocalGrid.Outcome.LEFT_FOR_LATER), results.resolve(ProcessLaunch.FOLDER));
        if (failed == 0) {
            try {
                out.println("Evaluate, judge and report them from a checkout: "
                        + String.join(" ", FinishStep.mavenCommand(budget, grid.results)));
            } catch (IllegalArgumentException e) {
                // A grid on other data sizes has no finishing step: say why rather than fail the runs.
                out.println("No finishing step: " + e.getMessage());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** The runs {@code --only} chooses; refuses a glob that matches no run of the grid, naming it. */
    private Predicate<RunSpec> chosenRuns(Grid runs) {
        if (only == null || only.isEmpty()) {
            return spec -> true;
        }
        List<Pattern> globs = new ArrayList<>();
        for (String glob : only) {
            Pattern pattern = glob(glob.strip());
            if (runs.runs().stream().noneMatch(spec -> pattern.matcher(spec.runId()).matches())) {
                throw new IllegalArgumentException("--only: '" + glob.strip() + "' matches no run of the "
                        + runs.budget().name() + " grid (list them with: vgg-cluster runs --budget "
                        + runs.budget().name() + ")");
            }
            globs.add(pattern);
        }
        return spec -> globs.stream().anyMatch(p -> p.matcher(spec.runId()).matches());
    }

    /** A run-id glob: {@code *} any characters, {@code ?} one, everything else literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("(?=[*?])|(?<=[*?])")) {
            regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** The layout the options name, or empty where the probe is to choose; refuses options that conflict. */
    private Optional<Layout> explicitLayout(int cores) {
        if (processes.equalsIgnoreCase("auto")) {
            if (threads != null) {
                throw new IllegalArgumentException("--threads needs --processes N: with 'auto' the probe chooses both");
            }
            return Optional.empty();
        }
        if (probeOnly) {
            throw new IllegalArgumentException("--probe-only measures the layouts itself: leave out --processes "
                    + processes);
        }
        int n;
        try {
            n = Integer.parseInt(processes.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--processes: '" + processes + "' is neither a number nor 'auto'");
        }
        return Optional.of(new Layout(n, threads != null ? threads : Math.max(1, cores / Math.max(1, n))));
    }

    private Layout probe(int cores, Grid runs, Launcher launcher, Resources resources, Budget budget, PrintStream out)
            throws Exception {
        List<Layout> candidates = Layout.candidates(cores);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String probeRun = ThroughputProbe.probeRun(runs).runId();
        out.printf(Locale.ROOT, "probing %s on %d cores with %s, %d rounds%n", candidates, cores, probeRun, probeRounds);
        ThroughputProbe.Choice choice = ThroughputProbe.choose(candidates, probeRounds,
                ThroughputProbe.processes(launcher, resources, budget, grid.results, probeRun,
                        ThroughputProbe.Window.DEFAULT), out);
        out.println("chose " + choice.chosen() + ": " + choice.why());
        return choice.chosen();
    }

    private static long count(List<LocalGrid.Result> outcomes, LocalGrid.Outcome outcome) {
        return outcomes.stream().filter(r -> r.outcome() == outcome).count();
    }
}
