package io.vggsuite.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Builds and initialises nets for the model tests. */
final class ModelTestSupport {

    private ModelTestSupport() {}

    static VggNet initialised(NDManager manager, VggSpec spec) {
        VggNet net = VggBuilder.build(spec);
        Initialisation.GLOROT.applyTo(net);
        net.initialize(manager, DataType.FLOAT32, inputShape(spec, 1, spec.cropSize()));
        return net;
    }

    static Shape inputShape(VggSpec spec, int batch, int size) {
        return new Shape(batch, spec.inputChannels(), size, size);
    }
}
