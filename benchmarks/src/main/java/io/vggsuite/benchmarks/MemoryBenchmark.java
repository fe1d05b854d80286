package io.vggsuite.benchmarks;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.eval.FinalEvaluation;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.DataSpec;
import io.vggsuite.train.ProcessMemory;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.TrainedRun;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Memory over a long campaign (Step 14): the runs of a budget's grid one after another in one JVM,
 * as the ablation's test JVM trains them, each followed by the test-set evaluations the experiments
 * ask of it (dense at one and three scales, multi-crop, and their combination). After each run it
 * prints the heap used and committed, the resident memory (VmRSS), the run's peak (VmHWM since the
 * run began) and the NDArrays still open. Run from the project root:
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am process-classes -Dmemory -Dvgg.data.dir=../shared/datasets
 * </pre>
 *
 * The JVM's options come from {@code -Dbenchmark.memory.jvm} (by default the build's test JVM
 * options, {@code surefire.argLine}), so the same grid can be measured under other heap settings.
 * The grid is the budget's ({@code -Dbenchmark.memory.budget}, default quick) with fewer epochs and
 * images ({@code -Dbenchmark.memory.epochs}, {@code .train}, {@code .test}) so that 16 runs take
 * minutes: memory is held per run and per evaluation, not per epoch, so the shape of the series is
 * what matters, not its length.
 */
public final class MemoryBenchmark {

    private static final List<Integer> Q256 = List.of(256);
    private static final List<Integer> Q_ALL = List.of(256, 384, 512);
    private static final double MIB = 1024.0 * 1024.0;

    private MemoryBenchmark() {}

    public static void main(String[] args) throws IOException {
        Budget budget = shrunk(Budget.named(System.getProperty("benchmark.memory.budget", "quick"), ""));
        int runs = Integer.getInteger("benchmark.memory.runs", 16);
        Path results = Path.of(System.getProperty("vgg.root", ""), "benchmarks", "target", "memory-benchmark")
                .toAbsolutePath();
        deleteRecursively(results);

        System.out.printf(Locale.ROOT, "memory benchmark: %d runs of %s%n", runs, budget);
        System.out.printf(Locale.ROOT, "JVM options: %s; %d processors%n",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Runtime.getRuntime().availableProcessors());
        DataCatalog data = new DataCatalog();
        DataCatalog.Loaded images = data.load(budget.data());
        RunTrainer trainer = RunTrainer.into(results, data, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("memory-benchmark"));
        FinalEvaluation evaluation = new FinalEvaluation(data);

        List<RunSpec> grid = new ArrayList<>();
        for (long seed = 1; grid.size() < runs; seed++) {
            grid.addAll(new AblationPlan(budget, images.train().classes().size(), images.train().channels(), seed)
                    .all());
        }
        print("after loading the data", ProcessMemory.now());
        System.out.printf(Locale.ROOT, "%3s  %-34s %7s  %9s %9s  %8s %8s  %6s%n", "run", "id", "seconds",
                "heap MiB", "committed", "RSS MiB", "peak MiB", "arrays");
        long overallPeak = ProcessMemory.now().peakResidentBytes().orElse(0);
        long firstRss = 0;
        long lastRss = 0;
        for (int i = 0; i < runs; i++) {
            RunSpec spec = grid.get(i);
            long before = ProcessMemory.now().peakResidentBytes().orElse(0);
            overallPeak = Math.max(overallPeak, before);
            ProcessMemory.resetPeak();
            long start = System.nanoTime();
            TrainedRun run = trainer.train(spec);
            if (!run.diverged()) {
                evaluation.evaluate(run, EvalMethod.DENSE, Q256);
                evaluation.evaluate(run, EvalMethod.DENSE, Q_ALL);
                evaluation.evaluate(run, EvalMethod.DENSE_AND_MULTI_CROP, Q_ALL);
            }
            ProcessMemory after = ProcessMemory.now();
            long rss = after.residentBytes().orElse(0);
            overallPeak = Math.max(overallPeak, after.peakResidentBytes().orElse(0));
            firstRss = i == 0 ? rss : firstRss;
            lastRss = rss;
            System.out.printf(Locale.ROOT, "%3d  %-34s %7.1f  %9.0f %9.0f  %8.0f %8.0f  %6d%n", i + 1,
                    spec.runId(), (System.nanoTime() - start) / 1e9, after.heapUsedBytes() / MIB,
                    after.heapCommittedBytes() / MIB, rss / MIB, after.peakResidentBytes().orElse(0) / MIB,
                    after.openArrays());
        }
        System.out.printf(Locale.ROOT, "RSS after run %d / after run 1: %.3f (target ≤ 1.10); peak RSS %.0f MiB"
                + " (%.2f GiB; target ≤ 3 GiB for the quick budget)%n", runs, (double) lastRss / firstRss,
                overallPeak / MIB, overallPeak / MIB / 1024);
    }

    /** The budget with at most {@code benchmark.memory.epochs} epochs and fewer images, if asked. */
    private static Budget shrunk(Budget budget) {
        int epochs = Integer.getInteger("benchmark.memory.epochs", 1);
        DataSpec d = budget.data();
        DataSpec data = d.withTrainImages(Integer.getInteger("benchmark.memory.train", 800))
                .withTestImages(Integer.getInteger("benchmark.memory.test", 100));
        return budget.toBuilder().data(data).scratchEpochs(Math.min(epochs, budget.scratchEpochs()))
                .fineTuneEpochs(Math.min(epochs, budget.fineTuneEpochs())).freshResults(true)
                .description(budget.description() + " (memory benchmark: " + epochs + " epoch(s), "
                        + data.trainImages() + " training and " + data.testImages() + " test images)")
                .build();
    }

    private static void print(String when, ProcessMemory m) {
        System.out.printf(Locale.ROOT, "%s: heap %.0f MiB of %.0f committed, RSS %.0f MiB, peak %.0f MiB, %d arrays%n",
                when, m.heapUsedBytes() / MIB, m.heapCommittedBytes() / MIB, m.residentBytes().orElse(0) / MIB,
                m.peakResidentBytes().orElse(0) / MIB, m.openArrays());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
