package io.vggsuite.model;

/**
 * Multiply-accumulate operations of one forward pass of a net on one training crop, counted from
 * the configuration table: the compute a benchmark divides by, and the relative cost of the
 * configurations that a budget's time estimate uses.
 */
public final class Flops {

    private Flops() {}

    /** Forward multiply-accumulates per image at the training crop (biases, ReLU, pooling ignored). */
    public static long forwardMacs(VggSpec spec) {
        return convolutionMacs(spec) + classifierMacs(spec);
    }

    /** The share of {@link #forwardMacs} in the convolutional layers. */
    public static long convolutionMacs(VggSpec spec) {
        long macs = 0;
        int side = spec.cropSize();
        int channels = spec.inputChannels();
        for (Layer layer : spec.config().layers()) {
            if (layer instanceof Layer.Conv conv) {
                int filters = spec.scaledFilters(conv.filters());
                macs += (long) side * side * filters * channels * conv.kernel() * conv.kernel();
                channels = filters;
            } else if (layer instanceof Layer.MaxPool) {
                side /= 2;
            }
        }
        return macs;
    }

    /** The three fully connected layers on the last feature map (Table 1). */
    private static long classifierMacs(VggSpec spec) {
        int side = spec.featureMapSize();
        int channels = spec.inputChannels();
        for (Layer layer : spec.config().layers()) {
            if (layer instanceof Layer.Conv conv) {
                channels = spec.scaledFilters(conv.filters());
            }
        }
        long units = spec.fcUnits();
        return (long) channels * side * side * units + units * units + units * spec.numClasses();
    }

    /**
     * Floating-point operations of one training step per image: 2 per multiply-accumulate, and the
     * backward pass costs about twice the forward (gradients for inputs and for weights).
     */
    public static long trainingFlops(VggSpec spec) {
        return 3 * 2 * forwardMacs(spec);
    }
}
