package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dense evaluation's fine score map (Section 3.2) in one pass, by FCN's filter rarefaction, is the
 * shift-and-stitch map at every cell: both nets' layer patterns (pools between single convolutions
 * in A, between stacks in D), LRN (A-LRN), 5×5 filters (B-5×5), batch normalisation, a k×k fc6
 * (crop 64), square and oblong images whose sides are and are not multiples of 32.
 */
class FineScoreMapTest {

    /** Absolute, on class scores of order 1 (measured: at most 5.4e-7 over these cases, float rounding). */
    private static final float TOLERANCE = 1e-5f;

    /** Nets at 1/32 of the paper's width (convs 2…16 channels, FC-128): the geometry is the paper's, the test takes seconds. */
    @ParameterizedTest(name = "{0}{1} crop {2}, {3} stride-less pools, image {4}×{5}")
    @CsvSource({
        "A, , 32, 3, 32, 32",
        "A, , 32, 3, 37, 55",
        "A, , 32, 3, 73, 41",
        "A, , 32, 3, 64, 96",
        "D, , 32, 3, 37, 37",
        "D, , 32, 3, 55, 73",
        "D, , 32, 3, 80, 45",
        "A-LRN, , 32, 3, 55, 49",
        "B-5×5, , 32, 3, 47, 58",
        "D, -BN, 32, 3, 55, 61",
        "A, , 32, 1, 45, 50",
        "A, , 64, 2, 70, 99",
        "D, , 64, 2, 75, 64",
    })
    void onePassEqualsShiftAndStitchAtEveryCell(String config, String variant, int crop, int stridelessPools,
            int height, int width, TestReporter reporter) {
        VggSpec spec = spec(config, variant, crop);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = withDrawnBiases(manager, spec);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray images = manager.randomNormal(new Shape(1, 3, height, width));
            NDArray onePass = net.fineScoreMap(store, images, stridelessPools);
            NDArray stitched = FineScoreMap.stitched(net, store, images, stridelessPools);
            int step = VggConfig.TOTAL_STRIDE >> stridelessPools;
            assertEquals(new Shape(1, 5, (height - crop) / step + 1, (width - crop) / step + 1), onePass.getShape(),
                    "one cell per window start 0, " + step + ", … that fits");
            assertEquals(onePass.getShape(), stitched.getShape());
            float gap = onePass.sub(stitched).abs().max().getFloat();
            float largest = stitched.abs().max().getFloat();
            reporter.publishEntry("max |one pass − stitched|", String.format(Locale.ROOT, "%.2e (scores up to %.2f)",
                    gap, largest));
            assertTrue(gap <= TOLERANCE, "one pass and shift-and-stitch differ by " + gap + " at scores up to " + largest);
            assertTrue(largest > 0.1, "the scores are not all near zero: " + largest);
        }
    }

    /** The cells a multiple of 32 apart from the origin are the ordinary fully-convolutional net's (FCN Section 3.2). */
    @Test
    void everyEighthCellAtStrideFourIsThePlainFullyConvolutionalPass() {
        VggSpec spec = VggSpec.cifar(VggConfig.D, 1.0 / 16).withClasses(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = withDrawnBiases(manager, spec);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray images = manager.randomNormal(new Shape(2, 3, 100, 77));
            NDArray fine = net.fineScoreMap(store, images, 3);
            NDArray plain = net.scoreMap(store, new NDList(images)).singletonOrThrow();
            NDArray coarse = fine.get(":, :, ::8, ::8");
            assertEquals(plain.getShape(), coarse.getShape());
            float gap = plain.sub(coarse).abs().max().getFloat();
            assertTrue(gap <= TOLERANCE, "every 8th cell differs from the plain pass by " + gap);
            float gapAtZero = plain.sub(net.fineScoreMap(store, images, 0)).abs().max().getFloat();
            assertTrue(gapAtZero <= TOLERANCE, "no stride-less pool differs from the plain pass by " + gapAtZero);
        }
    }

    /**
     * Why the reference shifts the maps entering the pools and not the image: a pass over the image
     * cut at a window's start (Step 10's shift-and-stitch) pads the window's first layers with zeros
     * where the one pass, like the paper's dense evaluation, reads the neighbouring pixels.
     */
    @Test
    void aPassOverTheImageCutAtAWindowIsADifferentFunctionThanTheWholeImagesCell() {
        VggSpec spec = VggSpec.cifar(VggConfig.A, 1.0 / 32).withClasses(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = withDrawnBiases(manager, spec);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray images = manager.randomNormal(new Shape(1, 3, 36, 36));
            NDArray fine = net.fineScoreMap(store, images, 3);
            NDArray cut = net.forward(store, new NDList(images.get(":, :, 4:, 4:")), false).singletonOrThrow();
            float gap = fine.get(":, :, 1, 1").sub(cut).abs().max().getFloat();
            // Measured 1.1e-3 on scores up to 0.4: far beyond the one pass's rounding (TOLERANCE).
            assertTrue(gap > 10 * TOLERANCE, "the window at (4, 4) is the same with and without its neighbours: " + gap);
        }
    }

    private static VggSpec spec(String config, String variant, int crop) {
        VggSpec spec = VggSpec.of(VggConfig.fromName(config)).withClasses(5).withWidth(1.0 / 32).withCrop(crop);
        return variant == null ? spec : spec.withVariant(ModelVariant.parse(variant.substring(1)));
    }

    /**
     * Glorot's zero biases would make a zero-padded border and a border of zero activations look
     * alike; drawn biases tell them apart.
     */
    private static VggNet withDrawnBiases(NDManager manager, VggSpec spec) {
        VggNet net = ModelTestSupport.initialised(manager, spec);
        for (Parameter parameter : net.getParameters().values()) {
            if (parameter.getType() == Parameter.Type.BIAS) {
                NDArray bias = parameter.getArray();
                bias.set(manager.randomUniform(-0.5f, 0.5f, bias.getShape()).toFloatArray());
            }
        }
        return net;
    }
}
