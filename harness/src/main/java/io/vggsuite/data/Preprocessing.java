package io.vggsuite.data;

import java.util.Arrays;

/**
 * What every input goes through: subtract the mean pixel of the training set (Section 2.1: "the
 * only pre-processing we do is subtracting the mean RGB value, computed on the training set, from
 * each pixel"), then multiply by {@code pixelScale}; plus the principal components of the training
 * set's RGB values that the colour shift of Section 3.1 (after Krizhevsky et al., 2012) adds along.
 *
 * <p>{@code pixelScale} defaults to 1: the paper's units, mean-subtracted values on 0–255. Measured
 * here, a Glorot-initialised VGG-A (width 1/8, 3,000 CIFAR-10 images) learns from its first epoch
 * in these units but stays at chance (loss 2.304) for three epochs in 0–1 units ({@code 1/255}):
 * a stack of ReLU layers with zero biases scales its output with its input, so 0–1 inputs leave
 * the logits, and their gradients, near zero.
 *
 * @param mean mean pixel per channel on the 0–255 scale
 * @param eigenvalues eigenvalues of the covariance of the channel values on the 0–1 scale, largest
 *     first (the λᵢ of the colour shift; measured on the 0–1 scale so that its strength does not
 *     depend on {@code pixelScale})
 * @param eigenvectors {@code eigenvectors[i]} is the unit eigenvector pᵢ of {@code eigenvalues[i]}
 * @param pixelScale factor applied after mean subtraction
 */
public record Preprocessing(float[] mean, float[] eigenvalues, float[][] eigenvectors, float pixelScale) {

    /** The paper's 0–255 units; see the class comment for why. */
    public static final float DEFAULT_PIXEL_SCALE = 1f;

    public Preprocessing {
        int channels = mean.length;
        if (channels < 1 || eigenvalues.length != channels || eigenvectors.length != channels) {
            throw new IllegalArgumentException("mean, eigenvalues and eigenvectors must have one entry per channel, got "
                    + mean.length + ", " + eigenvalues.length + ", " + eigenvectors.length);
        }
        for (float[] vector : eigenvectors) {
            if (vector.length != channels) {
                throw new IllegalArgumentException("each eigenvector needs " + channels + " entries, got " + vector.length);
            }
        }
        if (!(pixelScale > 0) || Float.isInfinite(pixelScale)) {
            throw new IllegalArgumentException("pixelScale must be a positive finite number, got " + pixelScale);
        }
        mean = mean.clone();
        eigenvalues = eigenvalues.clone();
        eigenvectors = Arrays.stream(eigenvectors).map(float[]::clone).toArray(float[][]::new);
    }

    /** Statistics of {@code train} (computed once per store) with the default pixel scale. */
    public static Preprocessing of(ImageStore train) {
        return of(train, DEFAULT_PIXEL_SCALE);
    }

    public static Preprocessing of(ImageStore train, float pixelScale) {
        PixelStatistics statistics = train.statistics();
        int channels = train.channels();
        float[] mean = new float[channels];
        float[] values = new float[channels];
        float[][] vectors = new float[channels][channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = (float) statistics.mean()[c];
            values[c] = (float) statistics.eigenvalues()[c];
            for (int k = 0; k < channels; k++) {
                vectors[c][k] = (float) statistics.eigenvectors()[c][k];
            }
        }
        return new Preprocessing(mean, values, vectors, pixelScale);
    }

    public Preprocessing withPixelScale(float scale) {
        return new Preprocessing(mean, eigenvalues, eigenvectors, scale);
    }

    public int channels() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public float[][] eigenvectors() {
        return Arrays.stream(eigenvectors).map(float[]::clone).toArray(float[][]::new);
    }

    /**
     * The colour shift Σ αᵢλᵢpᵢ for draws αᵢ ~ N(0, 0.1²), on the 0–255 scale, per channel (Section
     * 3.1; Krizhevsky et al., 2012, Section 4.1).
     */
    double[] colourShift(double[] alphas) {
        double[] shift = new double[mean.length];
        for (int i = 0; i < eigenvalues.length; i++) {
            for (int c = 0; c < shift.length; c++) {
                shift[c] += 255.0 * alphas[i] * eigenvalues[i] * eigenvectors[i][c];
            }
        }
        return shift;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Preprocessing that
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(eigenvalues, that.eigenvalues)
                && Arrays.deepEquals(eigenvectors, that.eigenvectors)
                && Float.compare(pixelScale, that.pixelScale) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Float.hashCode(pixelScale);
    }

    @Override
    public String toString() {
        return "Preprocessing[mean=" + Arrays.toString(mean) + ", eigenvalues=" + Arrays.toString(eigenvalues)
                + ", pixelScale=" + pixelScale + "]";
    }
}
