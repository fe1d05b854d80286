package io.vggsuite.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A built VGG network: the convolutional feature extractor of one Table 1 column followed by the
 * {@link ClassifierHead}. {@link #forward} is the training path (class scores for a crop of the
 * training size); {@link #scoreMap} is the fully convolutional path, and {@link #fineScoreMap} the same at a
 * finer output stride, for dense evaluation.
 */
public final class VggNet extends AbstractBlock {

    private final VggSpec spec;
    private final SequentialBlock features;
    private final ClassifierHead head;

    VggNet(VggSpec spec, SequentialBlock features, ClassifierHead head) {
        this.spec = spec;
        this.features = addChildBlock("features", features);
        this.head = addChildBlock("classifier", head);
    }

    public VggSpec spec() {
        return spec;
    }

    /** The conv layers in order, Table 1 top to bottom (warm start copies the first four, §3.1). */
    public List<Conv2d> convLayers() {
        return featureLayers(Conv2d.class);
    }

    /**
     * The batch normalisation layers in order, one after each of {@link #convLayers()} (same index)
     * for {@link Normalisation#BATCH_NORM}, none for {@link Normalisation#NONE}.
     */
    public List<BatchNorm> batchNormLayers() {
        return featureLayers(BatchNorm.class);
    }

    private <T extends Block> List<T> featureLayers(Class<T> type) {
        List<T> layers = new ArrayList<>();
        for (Block block : features.getChildren().values()) {
            if (type.isInstance(block)) {
                layers.add(type.cast(block));
            }
        }
        return layers;
    }

    /** The feature blocks in order, as {@link VggBuilder} laid them out. */
    List<Block> featureBlocks() {
        return List.copyOf(features.getChildren().values());
    }

    public ClassifierHead head() {
        return head;
    }

    /**
     * Weight layers counted from the built blocks: every WEIGHT parameter is one layer. Batch
     * normalisation adds none, as the paper's depth counts only convolutions and FC layers: its
     * scale is a GAMMA parameter, its shift BETA, its statistics RUNNING_MEAN and RUNNING_VAR.
     */
    public int weightLayerCount() {
        return (int) getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.WEIGHT)
                .count();
    }

    /**
     * Trainable parameters (weights, biases, and batch normalisation's scale and shift); the block
     * must be initialised. Batch normalisation's running statistics are not trained, so not counted.
     */
    public long parameterCount() {
        return getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return head.forward(store, features.forward(store, inputs, training, params), training, params);
    }

    /**
     * Class score map {@code [N, classes, h, w]} for an input of any size at least the training crop
     * (Section 3.2: "the fully-connected layers are first converted to convolutional layers").
     */
    public NDList scoreMap(ParameterStore store, NDList inputs) {
        return head.scoreMap(store, features.forward(store, inputs, false, null));
    }

    /**
     * Class score map {@code [N, classes, h, w]} whose cells are {@code TOTAL_STRIDE >> stridelessPools}
     * input pixels apart, computed in one pass: the last {@code stridelessPools} max-pools move by 1
     * and the layers after them are dilated (à trous, {@link FineScoreMap}). Cell (i, j) is the net on
     * the training-crop window at pixel (i, j)·(32 >> stridelessPools), its borders padded by the
     * rest of the image (Section 3.2); 0 stride-less pools is {@link #scoreMap}.
     */
    public NDArray fineScoreMap(ParameterStore store, NDArray images, int stridelessPools) {
        return FineScoreMap.onePass(this, store, images, stridelessPools);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        features.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, features.getOutputShapes(inputShapes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(features.getOutputShapes(inputShapes));
    }

    @Override
    public String toString() {
        return "VGG-" + spec.config().paperName() + " " + spec;
    }
}
