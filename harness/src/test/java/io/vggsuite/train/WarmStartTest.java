package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.Normalisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Section 3.1's warm start: which layers come from A, which are drawn. */
class WarmStartTest {

    @Test
    void aFirstFourConvLayersGoToTheLayersOfTheSameRole() {
        // A: conv1_1 | conv2_1 | conv3_1 conv3_2 | …; B, C, D, E: conv1_1 conv1_2 | conv2_1 conv2_2 | conv3_1 conv3_2 …
        List<WarmStart.Copy> deeper = List.of(new WarmStart.Copy(0, 0), new WarmStart.Copy(1, 2),
                new WarmStart.Copy(2, 4), new WarmStart.Copy(3, 5));
        for (VggConfig config : List.of(VggConfig.B, VggConfig.C, VggConfig.D, VggConfig.E)) {
            assertEquals(deeper, WarmStart.convCopies(config), config.paperName());
        }
        // B-5×5: one layer per stage, so A's fourth (conv3_2) has nowhere to go.
        assertEquals(List.of(new WarmStart.Copy(0, 0), new WarmStart.Copy(1, 1), new WarmStart.Copy(2, 2)),
                WarmStart.convCopies(VggConfig.B_5X5));
    }

    /** Copied layers hold A's weights; every other layer keeps the weights it was drawn with. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = VggConfig.class, names = {"B", "E", "B_5X5"})
    void copiedLayersAreAsAndTheRestAreDrawn(VggConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet a = built(manager, VggConfig.A, 1);
            VggNet target = built(manager, config, 2);
            List<float[]> drawn = target.convLayers().stream().map(WarmStartTest::weights).toList();
            WarmStart.fromNetA(a, target);
            List<Integer> copiedTo = WarmStart.convCopies(config).stream().map(WarmStart.Copy::toTarget).toList();
            for (int j = 0; j < target.convLayers().size(); j++) {
                if (!copiedTo.contains(j)) {
                    assertArrayEquals(drawn.get(j), weights(target.convLayers().get(j)), "conv " + (j + 1) + " is drawn");
                }
            }
            for (WarmStart.Copy copy : WarmStart.convCopies(config)) {
                assertFalse(Arrays.equals(drawn.get(copy.toTarget()), weights(target.convLayers().get(copy.toTarget()))));
            }
            for (int i = 0; i < VggConfig.FC_LAYERS; i++) {
                assertArrayEquals(weights(a.head().layers().get(i)), weights(target.head().layers().get(i)), "fc" + (6 + i));
            }
        }
    }

    /** B and B-5×5 start alike: each copied conv layer computes what A's layer computes. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = VggConfig.class, names = {"B", "B_5X5"})
    void copiedLayersComputeAsLayers(VggConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet a = built(manager, VggConfig.A, 1);
            VggNet target = built(manager, config, 2);
            WarmStart.fromNetA(a, target);
            ParameterStore store = new ParameterStore(manager, false);
            manager.getEngine().setRandomSeed(4);
            for (WarmStart.Copy copy : WarmStart.convCopies(config)) {
                Conv2d fromA = a.convLayers().get(copy.fromA());
                Conv2d inTarget = target.convLayers().get(copy.toTarget());
                long channels = fromA.getParameters().get("weight").getArray().getShape().get(1);
                NDArray x = manager.randomNormal(new Shape(2, channels, 8, 8));
                float[] want = fromA.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                float[] got = inTarget.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                assertArrayEquals(want, got, 1e-4f, "A's conv " + (copy.fromA() + 1) + " in " + config.paperName());
            }
            if (config == VggConfig.B_5X5) {
                NDArray kernel = target.convLayers().get(0).getParameters().get("weight").getArray();
                assertEquals(0f, kernel.get(new NDIndex(":, :, 0, :")).abs().sum().getFloat(), 0f, "zero border");
            }
        }
    }

    /** A warm start or fine-tune across normalisations would change what the copied layers compute. */
    @Test
    void aParentOfAnotherNormalisationIsRefusedNamingBoth() {
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet plainA = built(manager, VggConfig.A, Normalisation.NONE, 1);
            VggNet bnB = built(manager, VggConfig.B, Normalisation.BATCH_NORM, 2);
            VggNet bnA = built(manager, VggConfig.A, Normalisation.BATCH_NORM, 3);
            for (Executable copy : List.<Executable>of(() -> WarmStart.fromNetA(plainA, bnB),
                    () -> WarmStart.everything(bnA, plainA))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, copy);
                assertTrue(e.getMessage().contains("NONE") && e.getMessage().contains("BATCH_NORM"), e.getMessage());
            }
        }
    }

    /** Between batch-norm nets a copied conv layer takes its batch norm along; the others keep the defaults. */
    @Test
    void theBatchNormOfEachCopiedLayerIsAsAndTheRestStartAtTheirDefaults() {
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet a = built(manager, VggConfig.A, Normalisation.BATCH_NORM, 1);
            // One training-mode pass moves A's running statistics off their start (mean 0, variance 1).
            a.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(new Shape(4, 3, 32, 32))), true);
            VggNet target = built(manager, VggConfig.D, Normalisation.BATCH_NORM, 2);
            WarmStart.fromNetA(a, target);
            List<Integer> copiedTo = WarmStart.convCopies(VggConfig.D).stream().map(WarmStart.Copy::toTarget).toList();
            for (WarmStart.Copy copy : WarmStart.convCopies(VggConfig.D)) {
                for (String name : List.of("gamma", "beta", "runningMean", "runningVar")) {
                    assertArrayEquals(batchNorm(a, copy.fromA(), name), batchNorm(target, copy.toTarget(), name),
                            name + " of conv " + (copy.toTarget() + 1));
                }
            }
            assertFalse(Arrays.equals(new float[batchNorm(a, 0, "runningMean").length], batchNorm(a, 0, "runningMean")));
            for (int j = 0; j < target.convLayers().size(); j++) {
                if (!copiedTo.contains(j)) {
                    float[] mean = batchNorm(target, j, "runningMean");
                    assertArrayEquals(new float[mean.length], mean, "running mean of conv " + (j + 1));
                }
            }
        }
    }

    private static float[] batchNorm(VggNet net, int conv, String parameter) {
        return net.batchNormLayers().get(conv).getParameters().get(parameter).getArray().toFloatArray();
    }

    private static VggNet built(NDManager manager, VggConfig config, int seed) {
        return built(manager, config, Normalisation.NONE, seed);
    }

    private static VggNet built(NDManager manager, VggConfig config, Normalisation normalisation, int seed) {
        manager.getEngine().setRandomSeed(seed);
        VggNet net = VggBuilder.build(VggSpec.of(config).withClasses(10).withWidth(1.0 / 8).withCrop(32)
                .withNormalisation(normalisation));
        Initialisation.PAPER_NORMAL.applyTo(net);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return net;
    }

    private static float[] weights(Conv2d layer) {
        return layer.getParameters().get("weight").getArray().toFloatArray();
    }
}
