package io.vggsuite.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Local response normalisation across channels, Krizhevsky et al. (2012), Section 3.3:
 * {@code b[c] = a[c] / (k + alpha * sum(a[j]^2 for j in c-n/2..c+n/2))^beta}, with channels outside
 * the range left out of the sum. Note that alpha multiplies the sum itself, as in that paper;
 * PyTorch's {@code LocalResponseNorm} divides alpha by n.
 *
 * <p>Used only by configuration A-LRN, whose point (Section 4.1) is that it does not help.
 */
public final class LocalResponseNorm extends AbstractBlock {

    /** The constants Krizhevsky et al. chose on a validation set and VGG kept (Section 2.1). */
    public static final int SIZE = 5;
    public static final float ALPHA = 1e-4f;
    public static final float BETA = 0.75f;
    public static final float K = 2f;

    private final int size;
    private final float alpha;
    private final float beta;
    private final float k;

    public LocalResponseNorm() {
        this(SIZE, ALPHA, BETA, K);
    }

    public LocalResponseNorm(int size, float alpha, float beta, float k) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("LRN size must be odd and positive, got " + size);
        }
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        // The channel-window sum is an average pool over a (size × 1) window on a [N, 1, C, H·W]
        // view, zero-padded at both ends of the channel axis, times the window size.
        NDArray squares = x.square().reshape(shape.get(0), 1, shape.get(1), -1);
        NDArray windowSum = Pool.avgPool2d(
                        squares,
                        new Shape(size, 1),
                        new Shape(1, 1),
                        new Shape(size / 2, 0),
                        false,
                        true)
                .mul(size)
                .reshape(shape);
        return new NDList(x.div(windowSum.mul(alpha).add(k).pow(beta)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public String toString() {
        return "LocalResponseNorm(size=" + size + ", alpha=" + alpha + ", beta=" + beta + ", k=" + k + ")";
    }
}
