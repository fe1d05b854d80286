package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Section 3.1's N(0, 10⁻²), mapped so that each layer keeps the gain it has in the paper's net. */
class PaperInitialisationMappingTest {

    private static final VggSpec QUICK_A = VggSpec.cifar(VggConfig.A, 0.25);

    /** Width 1/4 and crop 32: conv fan-ins 4× smaller after the first (σ × 2), fc6 196× smaller (σ × 14). */
    @Test
    void eachLayerOfQuickNetAHasTheSigmaThatKeepsThePapersGain(TestReporter reporter) {
        List<Initialisation.LayerGain> gains = Initialisation.paperNormalSigmas(QUICK_A);
        List<String> layers = gains.stream().map(Initialisation.LayerGain::layer).toList();
        assertEquals(List.of("conv1", "conv2", "conv3", "conv4", "conv5", "conv6", "conv7", "conv8", "fc6", "fc7", "fc8"),
                layers);
        double[] expected = {0.01, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.14, 0.02, 0.02};
        long[] fanIns = {27, 144, 288, 576, 576, 1152, 1152, 1152, 128, 1024, 1024};
        long[] paperFanIns = {27, 576, 1152, 2304, 2304, 4608, 4608, 4608, 25088, 4096, 4096};
        for (int i = 0; i < gains.size(); i++) {
            Initialisation.LayerGain gain = gains.get(i);
            reporter.publishEntry(gain.layer(), String.format("fan-in %d (paper %d): sigma %.4f",
                    gain.fanIn(), gain.paperFanIn(), gain.sigma()));
            assertEquals(fanIns[i], gain.fanIn(), gain.layer());
            assertEquals(paperFanIns[i], gain.paperFanIn(), gain.layer());
            assertEquals(expected[i], gain.sigma(), 1e-9, gain.layer());
            assertEquals(0.01 * Math.sqrt(gain.paperFanIn()), gain.gain(), 1e-9, gain.layer() + " keeps the paper's gain");
        }
    }

    @Test
    void atThePapersScaleEveryLayerGetsSigmaOneHundredth() {
        for (VggConfig config : VggConfig.values()) {
            for (Initialisation.LayerGain gain : Initialisation.paperNormalSigmas(VggSpec.of(config))) {
                assertEquals(0.01, gain.sigma(), 1e-12, config + " " + gain.layer());
            }
        }
    }

    /** The drawn weights, not only the declared σ: the sample standard deviation of each layer. */
    @Test
    void theBuiltNetDrawsEachLayerWithItsMappedSigma() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            VggNet net = VggBuilder.build(QUICK_A);
            Initialisation.PAPER_NORMAL.applyTo(net);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            List<Conv2d> layers = new ArrayList<>(net.convLayers());
            layers.addAll(net.head().layers());
            List<Initialisation.LayerGain> gains = Initialisation.paperNormalSigmas(QUICK_A);
            for (int i = 0; i < layers.size(); i++) {
                NDArray w = layers.get(i).getParameters().get("weight").getArray();
                double std = Math.sqrt(w.square().mean().getFloat());
                // Relative error of a sample std is about 1/sqrt(2N); N ≥ 1,728 here.
                assertEquals(gains.get(i).sigma(), std, gains.get(i).sigma() * 0.06, gains.get(i).layer());
                assertEquals(0f, layers.get(i).getParameters().get("bias").getArray().abs().max().getFloat(), 0f,
                        "biases start at zero");
            }
        }
    }
}
