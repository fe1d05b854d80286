package io.vggsuite.report;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;

/**
 * Counts parameters by building each net at the paper's size and initialising it, so Table 2 shows
 * what the code builds rather than a formula. Each net's memory (up to 0.6 GB for E) is freed
 * before the next is built.
 */
final class ParameterCounts {

    private ParameterCounts() {}

    static ParameterTable.Counted imagenet(VggConfig config) {
        VggSpec spec = VggSpec.of(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            VggNet net = VggBuilder.build(spec);
            Initialisation.GLOROT.applyTo(net);
            net.initialize(manager, DataType.FLOAT32,
                    new Shape(1, spec.inputChannels(), spec.cropSize(), spec.cropSize()));
            return new ParameterTable.Counted(net.parameterCount(), net.weightLayerCount());
        }
    }
}
