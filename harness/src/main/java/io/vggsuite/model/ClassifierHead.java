package io.vggsuite.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * FC-units, FC-units, FC-classes with ReLU and dropout after the first two (ratio 0.5 in the paper,
 * Sections 2.1 and 3.1; the spec's {@link ModelVariant#dropout()}), stored once as convolutions (fc6 k×k over the last feature map, fc7 and fc8 1×1, as in
 * Section 3.2) and run in either of two ways over the same weights:
 *
 * <ul>
 *   <li>{@link #forward}: fully connected, on a feature map of exactly the training size; returns
 *       class scores {@code [N, classes]}. This is the training path.
 *   <li>{@link #scoreMap}: fully convolutional, on a feature map of any size at least k×k;
 *       returns a class score map {@code [N, classes, h, w]} for dense evaluation.
 * </ul>
 *
 * A conv weight {@code [out, in, k, k]} flattened row-major is the FC weight on the NCHW-flattened
 * feature map, so the two paths are the same function at the training size.
 */
public final class ClassifierHead extends AbstractBlock {

    private final int kernel;
    private final float dropout;
    private final Conv2d fc6;
    private final Conv2d fc7;
    private final Conv2d fc8;

    /** The head of {@code spec}'s net: its FC units and classes, over its last feature map. */
    ClassifierHead(VggSpec spec) {
        this.kernel = spec.featureMapSize();
        this.dropout = (float) spec.variant().dropout();
        this.fc6 = addChildBlock("fc6", conv(kernel, spec.fcUnits()));
        this.fc7 = addChildBlock("fc7", conv(1, spec.fcUnits()));
        this.fc8 = addChildBlock("fc8", conv(1, spec.numClasses()));
    }

    private static Conv2d conv(int kernel, int filters) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters).build();
    }

    /** fc6, fc7, fc8 in order (warm start copies all three, Section 3.1). */
    public List<Conv2d> layers() {
        return List.of(fc6, fc7, fc8);
    }

    /** The side of the feature map the FC view expects (cropSize / 32). */
    public int kernel() {
        return kernel;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray features = inputs.singletonOrThrow();
        Shape shape = features.getShape();
        if (shape.get(2) != kernel || shape.get(3) != kernel) {
            throw new IllegalArgumentException("the FC head expects a " + kernel + "×" + kernel
                    + " feature map (the training crop), got " + shape
                    + "; use scoreMap for other input sizes");
        }
        NDArray x = features.reshape(shape.get(0), -1);
        x = dropout(Activation.relu(fullyConnected(store, fc6, x, training)), training);
        x = dropout(Activation.relu(fullyConnected(store, fc7, x, training)), training);
        return new NDList(fullyConnected(store, fc8, x, training));
    }

    /** Runs the three layers as convolutions over a feature map of any size (inference only). */
    public NDList scoreMap(ParameterStore store, NDList features) {
        NDList x = fc6.forward(store, features, false);
        x = fc7.forward(store, new NDList(Activation.relu(x.singletonOrThrow())), false);
        return fc8.forward(store, new NDList(Activation.relu(x.singletonOrThrow())), false);
    }

    /**
     * {@link #scoreMap} over a feature map whose neighbouring cells are {@code dilation} cells apart
     * (the stride-less pools of {@link FineScoreMap}): fc6's k×k taps read every dilation-th cell;
     * fc7 and fc8 are 1×1 and read one cell whatever the spacing.
     */
    NDList scoreMap(ParameterStore store, NDList features, int dilation) {
        NDArray x = FineScoreMap.convolve(store, fc6, features.singletonOrThrow(), 0, dilation);
        x = fc7.forward(store, new NDList(Activation.relu(x)), false).singletonOrThrow();
        return fc8.forward(store, new NDList(Activation.relu(x)), false);
    }

    private static NDArray fullyConnected(ParameterStore store, Conv2d layer, NDArray x, boolean training) {
        Parameter weight = layer.getParameters().get("weight");
        Parameter bias = layer.getParameters().get("bias");
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        // The reshaped weight is a new array, and on the parameter's manager, which lives as long
        // as the model: three per forward pass piled up over a run (Step 14's leak check). On the
        // batch's manager it is freed with the batch.
        NDArray matrix = w.reshape(w.getShape().get(0), -1);
        matrix.attach(x.getManager());
        return Linear.linear(x, matrix, b).singletonOrThrow();
    }

    private NDArray dropout(NDArray x, boolean training) {
        return dropout == 0 ? x : Dropout.dropout(x, dropout, training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        fc6.initialize(manager, dataType, new Shape(in.get(0), in.get(1), kernel, kernel));
        Shape hidden = fc6.getOutputShapes(new Shape[] {new Shape(in.get(0), in.get(1), kernel, kernel)})[0];
        fc7.initialize(manager, dataType, hidden);
        fc8.initialize(manager, dataType, fc7.getOutputShapes(new Shape[] {hidden})[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape hidden = fc6.getOutputShapes(new Shape[] {new Shape(in.get(0), in.get(1), kernel, kernel)})[0];
        Shape scores = fc8.getOutputShapes(fc7.getOutputShapes(new Shape[] {hidden}))[0];
        return new Shape[] {new Shape(in.get(0), scores.get(1))};
    }
}
