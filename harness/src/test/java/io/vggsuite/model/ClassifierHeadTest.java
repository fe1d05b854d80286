package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Section 3.2: the FC layers and their convolutional form are one function over shared weights. */
class ClassifierHeadTest {

    @Test
    void convolutionalHeadEqualsFullyConnectedHeadAtTheTrainingSize() {
        for (int crop : new int[] {32, 64, 96}) {
            VggSpec spec = VggSpec.of(VggConfig.B).withClasses(7).withWidth(1.0 / 8).withCrop(crop);
            try (NDManager manager = NDManager.newBaseManager()) {
                VggNet net = ModelTestSupport.initialised(manager, spec);
                ParameterStore store = new ParameterStore(manager, false);
                NDArray x = manager.randomUniform(-1, 1, ModelTestSupport.inputShape(spec, 3, crop));
                NDArray fc = net.forward(store, new NDList(x), false).singletonOrThrow();
                NDArray conv = net.scoreMap(store, new NDList(x)).singletonOrThrow();
                assertEquals(new Shape(3, 7, 1, 1), conv.getShape());
                float gap = fc.sub(conv.reshape(3, 7)).abs().max().getFloat();
                assertTrue(gap < 1e-5, "crop " + crop + ": FC and conv heads differ by " + gap);
            }
        }
    }

    @Test
    void headStoresEachWeightOnce() {
        VggSpec spec = VggSpec.cifar(VggConfig.A, 0.25);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = ModelTestSupport.initialised(manager, spec);
            assertEquals(6, net.head().getParameters().size(), "fc6, fc7, fc8: weight and bias each");
            assertEquals(new Shape(1024, 128, 1, 1),
                    net.head().layers().get(0).getParameters().get("weight").getArray().getShape());
        }
    }

    /** Section 3.1's dropout is the only thing the head does differently while training. */
    @Test
    void withoutDropoutTheHeadTrainsOnWhatItInfersAndWithThePapersItDoesNot() {
        VggSpec paper = VggSpec.cifar(VggConfig.A, 1.0 / 8);
        for (VggSpec spec : new VggSpec[] {paper, paper.withVariant(paper.variant().withDropout(0))}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                VggNet net = ModelTestSupport.initialised(manager, spec);
                ParameterStore store = new ParameterStore(manager, false);
                NDArray x = manager.randomUniform(-1, 1, ModelTestSupport.inputShape(spec, 4, 32));
                NDArray training = net.forward(store, new NDList(x), true).singletonOrThrow();
                NDArray inference = net.forward(store, new NDList(x), false).singletonOrThrow();
                float gap = training.sub(inference).abs().max().getFloat();
                boolean dropout = spec.variant().dropout() > 0;
                assertTrue(dropout ? gap > 1e-3 : gap == 0, spec.variant().label() + ": gap " + gap);
            }
        }
    }
}
