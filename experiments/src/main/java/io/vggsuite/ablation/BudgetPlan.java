package io.vggsuite.ablation;

import io.vggsuite.data.ScaleMapping;
import io.vggsuite.model.Flops;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.ComputeThroughput;
import io.vggsuite.train.Devices;
import io.vggsuite.train.LearningRateSchedule;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.Start;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * What a budget is about to do, printed before it starts: every run with its epochs, which are
 * already in the cache, and the training time estimated from a short measurement of net A's
 * throughput on this machine at each width the grid trains, scaled by each net's FLOPs.
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
     * Pixels per calibration step at CIFAR scale, as 256 images of 32²: the budgets' batches are
     * timed at their own size (a batch of 8 ran at a third of the throughput of 64 and tripled the
     * estimate; a cap at 64 images halved the cifar10-reference budget's measured rate, 2,269
     * against 4,659 images/s for A at width 1/8 and batch 256).
     */
    private static final long CALIBRATION_PIXELS = 256L * 32 * 32;

    /**
     * The training rate the plan assumes for one GPU where there is none here to measure:
     * stated, not measured. 40 TFLOP/s sustained is a quarter of an A100's TF32 tensor-core peak
     * (156 TFLOP/s) and less than a tenth of an H100's; at {@link Flops#trainingFlops} of VGG-16
     * at 224 (3 × 15.5 GFLOP per image) it is ~860 training images/s. A user with a GPU gets the
     * measured rate instead, from the same calibration the CPU plan uses.
     */
    static final double STATED_GPU_FLOPS_PER_SECOND = 40e12;

    /**
     * The other bound on a GPU's rate: the images the CPU side decodes, augments and batches per
     * second. At CIFAR scale the nets are so small that FLOPs alone would put the full budget's
     * seed at minutes; the loader cannot feed that. 16,935 images/s is what the input pipeline did
     * alone on this project's 2-core machine (PipelineBenchmark, 2026-11-30, S ∈ [37;73], crop 32,
     * 2 workers, docs/benchmarks.md); a host with more cores feeds faster. Measured there, stated here.
     */
    static final double STATED_LOADER_IMAGES_PER_SECOND = 16_935;

    public String describe(Path results) {
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        for (AblationPlan plan : plans) {
            runsOf.apply(plan).forEach(spec -> runs.putIfAbsent(spec.runId(), spec));
        }
        VggSpec netA = plans.get(0).run(VggConfig.A, AblationPlan.S256).model();
        // One calibration per width the grid trains at: a net's rate scales with its FLOPs within a
        // width, not across widths (at width 1/4 A ran 2.9× slower than at 1/8 for 4× the FLOPs).
        // At the paper's crop only the budget's own width is timed and the others scaled by FLOPs:
        // timing the width-×2 ablation's A at 224² (four times the paper's parameters) raised the
        // planning JVM's peak from 4.5 to 6.2 GB.
        Map<Double, Double> flopsPerSecondAtWidth = new HashMap<>();
        ToDoubleFunction<VggSpec> flopsPerSecond = model -> flopsPerSecondAtWidth.computeIfAbsent(
                atPaperScale(budget) ? netA.width() : model.width(), width -> {
                    VggSpec a = netA.withWidth(width);
                    return ComputeThroughput.imagesPerSecond(a, calibrationBatch(budget), 1, CALIBRATION_STEPS)
                            * Flops.trainingFlops(a);
                });
        double imagesPerSecondA = flopsPerSecond.applyAsDouble(netA) / Flops.trainingFlops(netA);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Ablation plan — budget %s%n  %s%n  results: %s%n  device: %s%n  %d runs:%n",
                budget.name(), budget.description(), results, Devices.describe(Devices.forTraining()), runs.size()));
        double seconds = 0;
        double flopsToTrain = 0;
        double imagesToTrain = 0;
        int cached = 0;
        StopsHere stops = StopsHere.of(results, runs.values());
        double secondsAtStops = 0;
        for (RunSpec spec : runs.values()) {
            boolean done = RunFolder.at(results, spec.runId()).status() != RunStatus.RUNNING;
            double runSeconds = (double) spec.recipe().maxEpochs() * trainImages * Flops.trainingFlops(spec.model())
                    / flopsPerSecond.applyAsDouble(spec.model());
            if (done) {
                cached++;
            } else {
                seconds += runSeconds;
                secondsAtStops += runSeconds * stops.fractionOfCap(spec);
                flopsToTrain += (double) spec.recipe().maxEpochs() * trainImages * Flops.trainingFlops(spec.model());
                imagesToTrain += (double) spec.recipe().maxEpochs() * trainImages;
            }
            text.append(String.format(Locale.ROOT, "    %-40s %3d epochs  %s%n", spec.runId(),
                    spec.recipe().maxEpochs(), done ? "cached" : String.format(Locale.ROOT, "~%.1f min", runSeconds / 60)));
        }
        // Under the plateau rule a run stops when its fourth decrease falls due, usually before its
        // cap; the estimate trains every run to the cap, so it is the most the budget can take.
        boolean capped = budget.schedule() instanceof LearningRateSchedule.Plateau;
        text.append(String.format(Locale.ROOT,
                "  estimated training time (evaluation not included): %s%.1f min for %d runs (%d cached), from %.0f images/s"
                        + " measured for net A%s%n",
                capped ? "at most " : "", seconds / 60, runs.size() - cached, cached, imagesPerSecondA,
                capped ? "; every run trained to its epoch cap, which the plateau rule's stop usually comes before" : ""));
        if (capped && stops.complete() > 0 && cached < runs.size()) {
            text.append(String.format(Locale.ROOT, "  ~%.1f min if the runs left stop where the %d complete here did"
                    + " (%s)%n", secondsAtStops / 60, stops.complete(), stops.describe()));
        }
        if (budget.trainingTarget().isEmpty() && !Devices.primary().isGpu()) {
            // A budget meant for GPUs, planned on a CPU: what one GPU would take, whichever of its
            // arithmetic and the loader that feeds it is slower.
            double computeHours = flopsToTrain / STATED_GPU_FLOPS_PER_SECOND / 3600;
            double loaderHours = imagesToTrain / STATED_LOADER_IMAGES_PER_SECOND / 3600;
            text.append(String.format(Locale.ROOT, "  on one GPU: ~%.1f h of training, the slower of its arithmetic"
                            + " at a stated %.0f TFLOP/s (%.1f h) and a 2-core host's input pipeline at %,.0f images/s"
                            + " (%.1f h); stated, not measured here (docs/budgets.md, \"Using a GPU\")%n",
                    Math.max(computeHours, loaderHours), STATED_GPU_FLOPS_PER_SECOND / 1e12, computeHours,
                    STATED_LOADER_IMAGES_PER_SECOND, loaderHours));
        }
        double estimated = seconds;
        // Fewer seeds is advice only where there are seeds to drop.
        String fewerSeeds = plans.size() > 1
                ? "fewer seeds (-Dablation.seeds=" + plans.get(0).seed() + "), " : "";
        budget.trainingTarget().filter(target -> estimated > target.toSeconds()).ifPresent(target -> text.append(
                String.format(Locale.ROOT, "  ! that exceeds this budget's target of %s, to which it was sized on a"
                        + " 2-core machine (this one trains net A at %.0f images/s). To shrink it: %sa smaller budget"
                        + " (-Dablation.budget=%s), or a GPU (docs/budgets.md, \"Using a GPU\"). A rate well below the"
                        + " machine's usual one can also mean another process is using the cores: train one process"
                        + " at a time (docs/budgets.md). Finished runs stay cached, so the budget can also be"
                        + " stopped and continued.%n",
                        readable(target), imagesPerSecondA, fewerSeeds, smallerThan(budget))));
        return text.toString();
    }

    /**
     * Where the complete runs of a results folder stopped against their epoch caps, for a run
     * trained from scratch or a warm start and for a fine-tune apart: a fine-tune starts at a tenth
     * of the rate, the rate a run from scratch reaches at its first decrease, so it runs a shorter
     * course under the plateau rule (cifar10-converged, seed 1: 23–40 of 60 epochs from scratch or a
     * warm start, 13–16 of 30 fine-tuning).
     */
    private record StopsHere(Ran scratch, Ran fineTune) {

        /** Runs, epochs run and epochs allowed, summed. */
        private record Ran(int runs, int epochs, int cap) {
            Ran plus(int runEpochs, int runCap) {
                return new Ran(runs + 1, epochs + runEpochs, cap + runCap);
            }

            /** Epochs run per epoch allowed; 1, the cap, where no run is complete. */
            double fractionOfCap() {
                return runs == 0 ? 1 : (double) epochs / cap;
            }
        }

        /** The complete runs of {@code runs} in {@code results}. */
        static StopsHere of(Path results, Collection<RunSpec> runs) {
            Ran scratch = new Ran(0, 0, 0);
            Ran fineTune = new Ran(0, 0, 0);
            for (RunSpec spec : runs) {
                RunFolder folder = RunFolder.at(results, spec.runId());
                if (folder.status() == RunStatus.COMPLETE) {
                    int epochs = folder.epochs().size();
                    if (isFineTune(spec)) {
                        fineTune = fineTune.plus(epochs, spec.recipe().maxEpochs());
                    } else {
                        scratch = scratch.plus(epochs, spec.recipe().maxEpochs());
                    }
                }
            }
            return new StopsHere(scratch, fineTune);
        }

        private static boolean isFineTune(RunSpec spec) {
            return spec.start() instanceof Start.FineTune;
        }

        int complete() {
            return scratch.runs() + fineTune.runs();
        }

        /** The share of its cap that complete runs of {@code spec}'s kind ran here. */
        double fractionOfCap(RunSpec spec) {
            return (isFineTune(spec) ? fineTune : scratch).fractionOfCap();
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (scratch.runs() > 0) {
                parts.add(String.format(Locale.ROOT, "on average %.0f of %.0f epochs from scratch or a warm start",
                        (double) scratch.epochs() / scratch.runs(), (double) scratch.cap() / scratch.runs()));
            }
            if (fineTune.runs() > 0) {
                parts.add(String.format(Locale.ROOT, "%.0f of %.0f fine-tuning",
                        (double) fineTune.epochs() / fineTune.runs(), (double) fineTune.cap() / fineTune.runs()));
            }
            return String.join(", ", parts) + "; a kind with none complete counted at its cap";
        }
    }

    /** Whether planning must stay light: a net at 224² costs gigabytes to time. */
    private static boolean atPaperScale(Budget budget) {
        return budget.crop() >= ScaleMapping.PAPER_CROP;
    }

    /** "8 h", "60 min" or "30 s". */
    static String readable(Duration duration) {
        if (duration.toMinutes() >= 120 && duration.toMinutesPart() == 0) {
            return duration.toHours() + " h";
        }
        return duration.toMinutes() >= 1 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    /** The budgets smaller than {@code budget}, for the advice to shrink it. */
    private static String smallerThan(Budget budget) {
        int at = Budget.NAMES.indexOf(budget.name());
        List<String> smaller = at <= 0 ? List.of() : Budget.NAMES.subList(0, at);
        return smaller.isEmpty() ? "smoke" : String.join("|", smaller);
    }

    static int calibrationBatch(Budget budget) {
        if (atPaperScale(budget)) {
            // One image a step at the paper's scale: five of 224² raised the planning JVM's peak
            // from 5.0 to 7.4 GB (the full-width net's activations, seen in .ci/run) for an
            // estimate that needs only its order of magnitude.
            return 1;
        }
        long perImage = (long) budget.crop() * budget.crop();
        return (int) Math.max(1, Math.min(budget.batchSize(), CALIBRATION_PIXELS / perImage));
    }
}
