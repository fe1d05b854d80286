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
        Features features = features(spec);
        long units = spec.fcUnits();
        // The three fully connected layers on the last feature map (Table 1).
        return features.macs() + (long) features.channels() * features.side() * features.side() * units
                + units * units + units * spec.numClasses();
    }

    /** The share of {@link #forwardMacs} in the convolutional layers. */
    public static long convolutionMacs(VggSpec spec) {
        return features(spec).macs();
    }

    /** The convolutional stack's multiply-accumulates, and the feature map it leaves. */
    private record Features(long macs, int channels, int side) {}

    private static Features features(VggSpec spec) {
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
        return new Features(macs, channels, side);
    }

    /**
     * Floating-point operations of one training step per image: 2 per multiply-accumulate, and the
     * backward pass costs about twice the forward (gradients for inputs and for weights).
     */
    public static long trainingFlops(VggSpec spec) {
        return 3 * 2 * forwardMacs(spec);
    }
}
