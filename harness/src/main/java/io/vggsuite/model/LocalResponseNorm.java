package io.vggsuite.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Local response normalisation across channels, Krizhevsky et al. (2012), Section 3.3:
 * {@code b[c] = a[c] / (k + alpha * sum(a[j]^2 for j in c-n/2..c+n/2))^beta}, with channels outside
 * the range left out of the sum. The constructor takes alpha as it multiplies the sum itself;
 * {@link Form} says which constants the paper's constants become.
 *
 * <p>Used only by configuration A-LRN, whose point (Section 4.1) is that it does not help.
 */
public final class LocalResponseNorm extends AbstractBlock {

    /** The constants Krizhevsky et al. chose on a validation set and VGG kept (Section 2.1). */
    public static final int SIZE = 5;
    public static final float ALPHA = 1e-4f;
    public static final float BETA = 0.75f;
    public static final float K = 2f;

    /**
     * Two readings of "the parameters for the LRN layer are those of (Krizhevsky et al., 2012)"
     * (Section 2.1), which differ in what alpha multiplies and in k.
     */
    public enum Form {
        /** Krizhevsky et al. (2012) as written: α = 10⁻⁴ on the window sum, k = 2. */
        KRIZHEVSKY(K, ALPHA),
        /**
         * What Caffe's LRN layer computes from the same constants typed into a prototxt
         * ({@code local_size: 5, alpha: 0.0001, beta: 0.75}, as in Caffe's own AlexNet and
         * CaffeNet models): Caffe divides alpha by the window size and its k defaults to 1, so
         * α/n = 2·10⁻⁵ on the sum and k = 1 (also PyTorch's {@code LocalResponseNorm}).
         */
        CAFFE(1f, ALPHA / SIZE);

        /**
         * The form the suite builds. "Our implementation is derived from the publicly available
         * C++ Caffe toolbox" (Section 3.3), and the paper quotes Krizhevsky's constants without
         * saying it converted them; its A-LRN model was never released to check. The plainest
         * reading is that the paper's Caffe computed Caffe's form of those constants, so that
         * is the default; {@link #KRIZHEVSKY} is the declared variant.
         */
        public static final Form DEFAULT = CAFFE;

        private final float k;
        private final float alphaOnTheSum;

        Form(float k, float alphaOnTheSum) {
            this.k = k;
            this.alphaOnTheSum = alphaOnTheSum;
        }

        /** k of the formula. */
        public float k() {
            return k;
        }

        /** The factor on the window sum of squares. */
        public float alphaOnTheSum() {
            return alphaOnTheSum;
        }
    }

    private final int size;
    private final float alpha;
    private final float beta;
    private final float k;

    /** The paper's constants in the {@link Form#DEFAULT} form. */
    public LocalResponseNorm() {
        this(Form.DEFAULT);
    }

    /** The paper's constants in {@code form}. */
    public LocalResponseNorm(Form form) {
        this(SIZE, form.alphaOnTheSum(), BETA, form.k());
    }

    /** @param alpha the factor on the window sum itself (Krizhevsky's notation) */
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
        // The constants are arrays of x's manager, open until the step's scope closes, not DJL's
        // NDArray.mul(Number) and pow(Number): those wrap the number in an array over a direct
        // buffer and close it at once, while autograd keeps the array for the backward pass
        // (d(a·c)/da = c, d(a^c)/da = c·a^(c−1)). A garbage collection between the forward and
        // the backward then freed the buffer, and the backward read whatever memory held there:
        // the rare process-to-process difference of A-LRN (docs/determinism.md).
        NDManager manager = x.getManager();
        NDArray windowSize = manager.create(size);
        NDArray alphaOnTheSum = manager.create(alpha);
        NDArray kArray = manager.create(k);
        NDArray betaArray = manager.create(beta);
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
                .mul(windowSize)
                .reshape(shape);
        return new NDList(x.div(windowSum.mul(alphaOnTheSum).add(kArray).pow(betaArray)));
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
