package io.vggsuite.data;

/**
 * Cuts a window out of an image rescaled isotropically, in one pass: only the window's pixels are
 * computed, each by bilinear sampling of the source image (half-pixel centres, as
 * {@code torch.nn.functional.interpolate(mode="bilinear", align_corners=False)}, clamped at the
 * border; no antialiasing). When the rescaled size equals the source size the sample lands exactly
 * on source pixels, so the values are copied unchanged. Writes normalised floats, channel-major
 * (CHW), into a caller's buffer.
 */
final class CropSampler {

    private CropSampler() {}

    /** {height, width} of image {@code i} after an isotropic rescale that makes its smaller side {@code s}. */
    static int[] rescaledSize(ImageStore store, int i, int s) {
        return rescaledSize(store.height(i), store.width(i), s);
    }

    static int[] rescaledSize(int height, int width, int s) {
        if (height <= width) {
            return new int[] {s, Math.max(s, (int) Math.round((double) width * s / height))};
        }
        return new int[] {Math.max(s, (int) Math.round((double) height * s / width)), s};
    }

    /**
     * Writes {@code (value − mean[c] + shift[c]) · pixelScale} for the window of {@code outHeight}×
     * {@code outWidth} at ({@code top}, {@code left}) of image {@code i} rescaled to {@code
     * scaledHeight}×{@code scaledWidth}, mirrored horizontally within the window if {@code flip}.
     *
     * @param offsetByChannel mean[c] − shift[c] on the 0–255 scale, subtracted from every value
     */
    static void sample(ImageStore store, int i, int scaledHeight, int scaledWidth, int top, int left,
            int outHeight, int outWidth, boolean flip, float[] offsetByChannel, float pixelScale,
            float[] out, int outStart) {
        int height = store.height(i);
        int width = store.width(i);
        int channels = store.channels();
        if (top < 0 || left < 0 || top + outHeight > scaledHeight || left + outWidth > scaledWidth) {
            throw new IllegalArgumentException("window " + outHeight + "×" + outWidth + " at (" + top + ", " + left
                    + ") outside the rescaled image " + scaledHeight + "×" + scaledWidth);
        }
        int[] row0 = new int[outHeight];
        int[] row1 = new int[outHeight];
        float[] rowWeight = new float[outHeight];
        axis(height, scaledHeight, top, outHeight, false, row0, row1, rowWeight);
        int[] col0 = new int[outWidth];
        int[] col1 = new int[outWidth];
        float[] colWeight = new float[outWidth];
        axis(width, scaledWidth, left, outWidth, flip, col0, col1, colWeight);

        byte[] pixels = store.rawPixels();
        int base = store.offset(i);
        int rowStride = width * channels;
        int plane = outHeight * outWidth;
        for (int y = 0; y < outHeight; y++) {
            int r0 = base + row0[y] * rowStride;
            int r1 = base + row1[y] * rowStride;
            float wy = rowWeight[y];
            for (int x = 0; x < outWidth; x++) {
                int c0 = col0[x] * channels;
                int c1 = col1[x] * channels;
                float wx = colWeight[x];
                int at = outStart + y * outWidth + x;
                for (int c = 0; c < channels; c++) {
                    float top0 = pixels[r0 + c0 + c] & 0xFF;
                    float top1 = pixels[r0 + c1 + c] & 0xFF;
                    float bottom0 = pixels[r1 + c0 + c] & 0xFF;
                    float bottom1 = pixels[r1 + c1 + c] & 0xFF;
                    float upper = top0 + (top1 - top0) * wx;
                    float lower = bottom0 + (bottom1 - bottom0) * wx;
                    float value = upper + (lower - upper) * wy;
                    out[at + c * plane] = (value - offsetByChannel[c]) * pixelScale;
                }
            }
        }
    }

    /**
     * Source indices and weights along one axis for output positions {@code start .. start+count-1}
     * of a {@code source}→{@code scaled} rescale; reversed when {@code mirror}.
     */
    private static void axis(int source, int scaled, int start, int count, boolean mirror,
            int[] lower, int[] upper, float[] weight) {
        double ratio = (double) source / scaled;
        for (int k = 0; k < count; k++) {
            int position = start + (mirror ? count - 1 - k : k);
            double coordinate = (position + 0.5) * ratio - 0.5;
            if (coordinate < 0) {
                coordinate = 0;
            }
            int floor = (int) coordinate;
            if (floor >= source - 1) {
                lower[k] = source - 1;
                upper[k] = source - 1;
                weight[k] = 0;
            } else {
                lower[k] = floor;
                upper[k] = floor + 1;
                weight[k] = (float) (coordinate - floor);
            }
        }
    }
}
