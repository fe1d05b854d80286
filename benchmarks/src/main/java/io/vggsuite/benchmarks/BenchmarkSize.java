package io.vggsuite.benchmarks;

import io.vggsuite.ablation.Budget;
import io.vggsuite.train.DataSpec;
import java.util.Locale;

/**
 * How long {@link PerformanceBenchmark} measures: {@code full} for the figures docs/benchmarks.md quotes,
 * {@code smoke} to check the whole chain in a couple of minutes (its figures mean nothing).
 * Chosen by {@code -Dbenchmark.iterations=full|smoke}.
 *
 * @param name what the property says
 * @param data the suite's training, validation and test images; full is the quick budget's own
 * @param epochs epochs the suite trains; the last is timed, so that the first steps (allocation,
 *     kernel choice) and the first epoch's start are not in the figure
 * @param computeWarmup untimed steps before the compute-only measurement (suite and peer)
 * @param computeSteps timed compute-only steps (suite and peer); the peer times as many steps end
 *     to end
 * @param evalImages test images per evaluation protocol (at most the data's test images)
 * @param peerImages the peer's training subset (the quick budget's size when full)
 * @param ceilingProducts timed 2048×2048 matrix products per round of the ceiling measurement
 * @param pairedBlocks blocks of each kind in the paired measurement of the input pipeline's cost
 *     (fed live and pre-made in turn)
 * @param pairedStepsPerBlock steps per block of that measurement: short enough that the machine's
 *     speed barely moves within one pair of blocks
 * @param profileSteps compute-only steps recorded by PyTorch's profiler ({@link OpProfile})
 */
record BenchmarkSize(String name, DataSpec data, int epochs, int computeWarmup, int computeSteps, int evalImages,
        int peerImages, int ceilingProducts, int pairedBlocks, int pairedStepsPerBlock, int profileSteps) {

    static final String PROPERTY = "benchmark.iterations";

    static final BenchmarkSize FULL = new BenchmarkSize("full", Budget.QUICK.data(), 2, 10, 200,
            Budget.QUICK.data().testImages(), Budget.QUICK.data().trainImages(), 20, 25, 10, 10);

    /** 20 batches per epoch, a few steps of everything: checks the chain, measures nothing. */
    static final BenchmarkSize SMOKE = new BenchmarkSize("smoke", DataSpec.of(DataSpec.CIFAR10).withTrainImages(1280)
            .withValidationImages(128).withTestImages(128), 2, 3,
            12, 64, 2000, 3, 2, 3, 2);

    static BenchmarkSize named(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "full":
                return FULL;
            case "smoke":
                return SMOKE;
            default:
                throw new IllegalArgumentException(PROPERTY + ": unknown size '" + name + "', expected full or smoke");
        }
    }

    static BenchmarkSize fromProperty() {
        return named(System.getProperty(PROPERTY, "full"));
    }
}
