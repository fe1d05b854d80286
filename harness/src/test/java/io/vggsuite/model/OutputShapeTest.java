package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both heads at several input sizes, for every configuration. */
class OutputShapeTest {

    private static final double NARROW = 1.0 / 16;

    @ParameterizedTest(name = "FC head, trained at crop {0}")
    @ValueSource(ints = {32, 64, 224})
    void fullyConnectedHeadGivesOneScoreVectorPerImage(int crop) {
        for (VggConfig config : VggConfig.values()) {
            VggSpec spec = VggSpec.of(config).withClasses(10).withWidth(NARROW).withCrop(crop);
            try (NDManager manager = NDManager.newBaseManager()) {
                VggNet net = ModelTestSupport.initialised(manager, spec);
                NDArray x = manager.randomUniform(0, 1, ModelTestSupport.inputShape(spec, 2, crop));
                NDList out = net.forward(new ParameterStore(manager, false), new NDList(x), false);
                assertEquals(new Shape(2, 10), out.singletonOrThrow().getShape(), config.paperName());
                assertEquals(new Shape(2, 10), net.getOutputShapes(new Shape[] {x.getShape()})[0]);
            }
        }
    }

    @ParameterizedTest(name = "conv head of a crop-32 net at input {0}")
    @ValueSource(ints = {32, 37, 64, 224})
    void convolutionalHeadGivesAScoreMapOfInputOver32(int size) {
        for (VggConfig config : VggConfig.values()) {
            VggSpec spec = VggSpec.of(config).withClasses(10).withWidth(NARROW).withCrop(32);
            try (NDManager manager = NDManager.newBaseManager()) {
                VggNet net = ModelTestSupport.initialised(manager, spec);
                NDArray x = manager.randomUniform(0, 1, ModelTestSupport.inputShape(spec, 2, size));
                NDArray map = net.scoreMap(new ParameterStore(manager, false), new NDList(x)).singletonOrThrow();
                assertEquals(new Shape(2, 10, size / 32, size / 32), map.getShape(), config.paperName());
            }
        }
    }

    @ParameterizedTest(name = "conv head of a crop-224 net at input {0}")
    @ValueSource(ints = {224, 256, 384})
    void imagenetScoreMapMatchesSection32(int size) {
        VggSpec spec = VggSpec.of(VggConfig.A).withWidth(NARROW);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = ModelTestSupport.initialised(manager, spec);
            NDArray x = manager.randomUniform(0, 1, ModelTestSupport.inputShape(spec, 1, size));
            NDArray map = net.scoreMap(new ParameterStore(manager, false), new NDList(x)).singletonOrThrow();
            int side = size / 32 - 7 + 1;
            assertEquals(new Shape(1, 1000, side, side), map.getShape());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 96})
    void fullyConnectedHeadRefusesAnotherSizeAndSaysSo(int size) {
        VggSpec spec = VggSpec.of(VggConfig.A).withClasses(10).withWidth(NARROW).withCrop(32);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = ModelTestSupport.initialised(manager, spec);
            NDArray x = manager.randomUniform(0, 1, ModelTestSupport.inputShape(spec, 1, size));
            assertThrows(IllegalArgumentException.class,
                    () -> net.forward(new ParameterStore(manager, false), new NDList(x), false));
        }
    }

    @ParameterizedTest
    @EnumSource(VggConfig.class)
    void singleChannelInputBuildsForFashionMnist(VggConfig config) {
        VggSpec spec = VggSpec.of(config).withClasses(10).withInputChannels(1).withWidth(NARROW).withCrop(32);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = ModelTestSupport.initialised(manager, spec);
            NDArray x = manager.randomUniform(0, 1, new Shape(3, 1, 32, 32));
            assertEquals(new Shape(3, 10),
                    net.forward(new ParameterStore(manager, false), new NDList(x), false).head().getShape());
        }
    }
}
