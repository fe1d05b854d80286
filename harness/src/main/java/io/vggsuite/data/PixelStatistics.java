package io.vggsuite.data;

/**
 * Mean pixel and principal components of the pixel values of a store, the statistics behind
 * mean subtraction (Section 2.1) and the colour shift of Krizhevsky et al. (2012) (Section 3.1).
 *
 * @param mean per channel, on the 0–255 scale
 * @param eigenvalues of the channels' covariance with values on the 0–1 scale, largest first
 * @param eigenvectors unit eigenvectors, {@code eigenvectors[i]} belongs to {@code eigenvalues[i]}
 */
record PixelStatistics(double[] mean, double[] eigenvalues, double[][] eigenvectors) {

    static PixelStatistics of(ImageStore store) {
        int channels = store.channels();
        byte[] pixels = store.rawPixels();
        if (pixels.length == 0) {
            throw new DataException("cannot compute the mean pixel of an empty store");
        }
        // Exact integer sums: 2^63 / 255^2 leaves room for 10^14 pixel values.
        long[] sums = new long[channels];
        long[][] products = new long[channels][channels];
        for (int at = 0; at < pixels.length; at += channels) {
            for (int a = 0; a < channels; a++) {
                int va = pixels[at + a] & 0xFF;
                sums[a] += va;
                for (int b = a; b < channels; b++) {
                    products[a][b] += va * (pixels[at + b] & 0xFF);
                }
            }
        }
        double count = pixels.length / channels;
        double[] mean = new double[channels];
        for (int a = 0; a < channels; a++) {
            mean[a] = sums[a] / count;
        }
        double[][] covariance = new double[channels][channels];
        double unit = 255.0 * 255.0;
        for (int a = 0; a < channels; a++) {
            for (int b = a; b < channels; b++) {
                double value = (products[a][b] / count - mean[a] * mean[b]) / unit;
                covariance[a][b] = value;
                covariance[b][a] = value;
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(covariance);
        return new PixelStatistics(mean, eigen.values(), eigen.vectors());
    }
}
