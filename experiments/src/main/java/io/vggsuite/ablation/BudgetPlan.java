package io.vggsuite.ablation;

import io.vggsuite.model.Flops;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.ComputeThroughput;
import io.vggsuite.train.Devices;
import io.vggsuite.train.RunSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a budget is about to do, printed before it starts: every run with its epochs, which are
 * already in the cache, and the training time estimated from a short measurement of net A's
 * throughput on this machine scaled by each net's FLOPs.
 *
 * @param budget the budget
 * @param plans one per seed
 * @param runsOf the runs of one seed's plan: its grid and whatever the declared claims add
 *     ({@code DeclaredClaims::runs})
 * @param trainImages training images per epoch
 */
public record BudgetPlan(Budget budget, List<AblationPlan> plans, Function<AblationPlan, List<RunSpec>> runsOf,
        int trainImages) {

    /** Steps timed to calibrate the estimate (after one untimed one). */
    private static final int CALIBRATION_STEPS = 3;

    /**
     * Pixels per calibration step, as 64 images of 32²: a batch of 8 ran at a third of the
     * throughput of the real batch of 64 and tripled the estimate, while a batch of 64 ImageNet
     * crops would take minutes to plan on a CPU.
     */
    private static final long CALIBRATION_PIXELS = 64L * 32 * 32;

    public String describe(Path results) {
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        for (AblationPlan plan : plans) {
            runsOf.apply(plan).forEach(spec -> runs.putIfAbsent(spec.runId(), spec));
        }
        VggSpec netA = plans.get(0).run(VggConfig.A, AblationPlan.S256).model();
        double imagesPerSecondA = ComputeThroughput.imagesPerSecond(netA,
                calibrationBatch(budget), 1, CALIBRATION_STEPS);
        double flopsPerSecond = imagesPerSecondA * Flops.trainingFlops(netA);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Ablation plan — budget %s%n  %s%n  results: %s%n  device: %s%n  %d runs:%n",
                budget.name(), budget.description(), results, Devices.describe(Devices.forTraining()), runs.size()));
        double seconds = 0;
        int cached = 0;
        for (RunSpec spec : runs.values()) {
            boolean done = RunFolder.at(results, spec.runId()).status() != RunStatus.RUNNING;
            double runSeconds = (double) spec.recipe().maxEpochs() * trainImages * Flops.trainingFlops(spec.model())
                    / flopsPerSecond;
            if (done) {
                cached++;
            } else {
                seconds += runSeconds;
            }
            text.append(String.format(Locale.ROOT, "    %-40s %3d epochs  %s%n", spec.runId(),
                    spec.recipe().maxEpochs(), done ? "cached" : String.format(Locale.ROOT, "~%.1f min", runSeconds / 60)));
        }
        text.append(String.format(Locale.ROOT,
                "  estimated training time (evaluation not included): %.1f min for %d runs (%d cached), from %.0f images/s measured for net A%n",
                seconds / 60, runs.size() - cached, cached, imagesPerSecondA));
        return text.toString();
    }

    static int calibrationBatch(Budget budget) {
        long perImage = (long) budget.crop() * budget.crop();
        return (int) Math.max(1, Math.min(budget.batchSize(), CALIBRATION_PIXELS / perImage));
    }
}
