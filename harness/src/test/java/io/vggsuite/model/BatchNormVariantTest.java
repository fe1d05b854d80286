package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The batch normalisation ablation: where the layers go and what they leave alone. */
class BatchNormVariantTest {

    private static final VggSpec D_BN = VggSpec.cifar(VggConfig.D, 1.0 / 8).withNormalisation(Normalisation.BATCH_NORM);

    @Test
    void aBatchNormNetRunsForwardAtCrop32Width1_8ToOneScorePerClass() {
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = ModelTestSupport.initialised(manager, D_BN);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray images = manager.randomNormal(ModelTestSupport.inputShape(D_BN, 4, 32));
            // Training mode normalises by the batch's statistics, evaluation by the running ones.
            assertEquals(new Shape(4, 10), net.forward(store, new NDList(images), true).singletonOrThrow().getShape());
            assertEquals(new Shape(4, 10), net.forward(store, new NDList(images), false).singletonOrThrow().getShape());
        }
    }

    @Test
    void everyConvIsFollowedByBatchNormThenItsRelu() {
        VggNet net = VggBuilder.build(D_BN);
        // The net's first child is the feature extractor, the second the classifier head.
        List<Block> layers = ((SequentialBlock) net.getChildren().values().get(0)).getChildren().values();
        int convs = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Conv2d) {
                convs++;
                assertInstanceOf(BatchNorm.class, layers.get(i + 1), "after conv " + convs);
                assertInstanceOf(LambdaBlock.class, layers.get(i + 2), "ReLU after the batch norm of conv " + convs);
            }
        }
        assertEquals(13, convs);
        assertEquals(net.convLayers().size(), net.batchNormLayers().size());
    }

    @Test
    void thePaperNetHasNoBatchNorm() {
        assertEquals(List.of(), VggBuilder.build(VggSpec.cifar(VggConfig.D, 1.0 / 8)).batchNormLayers());
    }

    /** Neither the Glorot nor the paper's normal initialiser may draw batch norm's scale and shift. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Initialisation.class)
    void batchNormStartsAtScaleOneShiftZeroUnderEveryInitialisation(Initialisation initialisation) {
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = VggBuilder.build(D_BN);
            initialisation.applyTo(net);
            net.initialize(manager, DataType.FLOAT32, ModelTestSupport.inputShape(D_BN, 1, 32));
            for (BatchNorm norm : net.batchNormLayers()) {
                for (Parameter p : norm.getParameters().values()) {
                    float want = p.getType() == Parameter.Type.GAMMA || p.getType() == Parameter.Type.RUNNING_VAR ? 1f : 0f;
                    NDArray values = p.getArray();
                    assertEquals(want, values.min().getFloat(), 0f, p.getName());
                    assertEquals(want, values.max().getFloat(), 0f, p.getName());
                }
            }
            NDArray firstKernel = net.convLayers().get(0).getParameters().get("weight").getArray();
            assertTrue(firstKernel.abs().max().getFloat() > 0, "the conv weights are still drawn");
        }
    }

    @Test
    void batchNormAddsNoWeightLayersButTrainsAScaleAndShiftPerChannel(TestReporter reporter) {
        try (NDManager manager = NDManager.newBaseManager()) {
            VggSpec plain = D_BN.withNormalisation(Normalisation.NONE);
            VggNet withBn = ModelTestSupport.initialised(manager, D_BN);
            VggNet without = ModelTestSupport.initialised(manager, plain);
            assertEquals(16, withBn.weightLayerCount());
            assertEquals(without.weightLayerCount(), withBn.weightLayerCount());
            long channels = withBn.convLayers().stream()
                    .mapToLong(c -> c.getParameters().get("weight").getArray().getShape().get(0))
                    .sum();
            assertEquals(without.parameterCount() + 2 * channels, withBn.parameterCount());
            reporter.publishEntry("parameters", without.parameterCount() + " without, " + withBn.parameterCount() + " with");
        }
    }

    @Test
    void everyWitherKeepsTheNormalisation() {
        VggSpec spec = VggSpec.of(VggConfig.A).withNormalisation(Normalisation.BATCH_NORM);
        for (VggSpec changed : List.of(spec.withConfig(VggConfig.E), spec.withClasses(10), spec.withInputChannels(1),
                spec.withWidth(0.25), spec.withCrop(32))) {
            assertEquals(Normalisation.BATCH_NORM, changed.variant().normalisation(), changed.toString());
        }
        assertEquals(Normalisation.NONE, VggSpec.of(VggConfig.A).variant().normalisation());
        assertEquals(Normalisation.NONE, VggSpec.cifar(VggConfig.A, 0.25).variant().normalisation());
    }

    @Test
    void aSpecWithoutAModelVariantIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VggSpec(VggConfig.A, 10, 3, 1, 32, null));
        assertTrue(e.getMessage().contains("variant"), e.getMessage());
    }

    @Test
    void onlyBatchNormHasALabel() {
        assertEquals("", Normalisation.NONE.label());
        assertEquals("BN", Normalisation.BATCH_NORM.label());
    }
}
