package io.vggsuite.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** Turns a {@link VggSpec} into a {@link VggNet}: the one place Table 1 becomes blocks. */
public final class VggBuilder {

    private VggBuilder() {}

    public static VggNet build(VggSpec spec) {
        SequentialBlock features = new SequentialBlock();
        for (Layer layer : spec.config().layers()) {
            addLayer(features, layer, spec);
        }
        ClassifierHead head = new ClassifierHead(spec);
        return new VggNet(spec, features, head);
    }

    /**
     * How many blocks of the features {@code layer} became: a convolution, its batch normalisation
     * if {@code spec} has one, and its ReLU; one block for LRN and for a max-pool. Read by whoever
     * walks the built blocks layer by layer ({@link FineScoreMap}), so the layout has one owner.
     */
    static int blocksOf(Layer layer, VggSpec spec) {
        if (layer instanceof Layer.Conv) {
            return spec.variant().normalisation() == Normalisation.BATCH_NORM ? 3 : 2;
        }
        return 1;
    }

    private static void addLayer(SequentialBlock features, Layer layer, VggSpec spec) {
        if (layer instanceof Layer.Conv conv) {
            features.add(Conv2d.builder()
                    .setKernelShape(new Shape(conv.kernel(), conv.kernel()))
                    .optPadding(new Shape(conv.padding(), conv.padding()))
                    .setFilters(spec.scaledFilters(conv.filters()))
                    .build());
            if (spec.variant().normalisation() == Normalisation.BATCH_NORM) {
                // DJL's defaults are torchvision's BatchNorm2d: channel axis 1 of NCHW, ε = 1e-5,
                // running statistics moving by a tenth per batch (DJL's momentum 0.9 is the share kept).
                features.add(BatchNorm.builder().build());
            }
            features.add(Activation.reluBlock());
        } else if (layer instanceof Layer.Lrn) {
            features.add(new LocalResponseNorm());
        } else {
            features.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
    }
}
