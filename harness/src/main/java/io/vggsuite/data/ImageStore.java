package io.vggsuite.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decoded images held compactly in memory: one byte per pixel value (0–255), each image HWC
 * interleaved (row by row, the channels of a pixel together), all images back to back in one array;
 * per-image height and width (ImageNet's images differ; CIFAR's are all 32×32), labels, and the
 * class names in label-id order. Immutable; shared freely between threads.
 *
 * <p>The pixel statistics that preprocessing needs (mean RGB and its PCA) are computed once per
 * store and kept with it (Section 2.1: "the mean RGB value, computed on the training set").
 */
public final class ImageStore {

    private final int channels;
    private final List<String> classes;
    private final int[] labels;
    private final int[] heights;
    private final int[] widths;
    /** Start of image i in {@link #pixels}; one more entry than images, the last is the total. */
    private final int[] offsets;
    private final byte[] pixels;
    private volatile PixelStatistics statistics;

    ImageStore(int channels, List<String> classes, int[] labels, int[] heights, int[] widths, byte[] pixels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive, got " + channels);
        }
        if (labels.length != heights.length || labels.length != widths.length) {
            throw new IllegalArgumentException("labels, heights and widths differ in length: "
                    + labels.length + ", " + heights.length + ", " + widths.length);
        }
        this.channels = channels;
        this.classes = List.copyOf(classes);
        this.labels = labels;
        this.heights = heights;
        this.widths = widths;
        this.offsets = new int[labels.length + 1];
        long offset = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classes.size()) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i]
                        + ", outside 0.." + (this.classes.size() - 1));
            }
            if (heights[i] < 1 || widths[i] < 1) {
                throw new IllegalArgumentException("image " + i + " has size " + heights[i] + "×" + widths[i]);
            }
            offsets[i] = (int) offset;
            offset += (long) heights[i] * widths[i] * channels;
            if (offset > Integer.MAX_VALUE - 8) {
                throw new DataException("decoded images exceed one Java array (2 GiB) at image " + i
                        + "; load a smaller subset");
            }
        }
        offsets[labels.length] = (int) offset;
        if (offset != pixels.length) {
            throw new IllegalArgumentException("pixel array holds " + pixels.length
                    + " bytes but the image sizes need " + offset);
        }
        this.pixels = pixels;
    }

    public int size() {
        return labels.length;
    }

    /** 3 for RGB, 1 for grayscale. */
    public int channels() {
        return channels;
    }

    /** Class names in label-id order (sorted folder names for ImageFolder data). */
    public List<String> classes() {
        return classes;
    }

    public int label(int i) {
        return labels[i];
    }

    public int height(int i) {
        return heights[i];
    }

    public int width(int i) {
        return widths[i];
    }

    /** Value 0–255 of channel {@code c} of pixel (y, x) of image {@code i}. */
    public int pixel(int i, int y, int x, int c) {
        if (y < 0 || y >= heights[i] || x < 0 || x >= widths[i] || c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException("pixel (" + y + ", " + x + ", " + c + ") outside image " + i
                    + " of " + heights[i] + "×" + widths[i] + "×" + channels);
        }
        return pixels[offsets[i] + (y * widths[i] + x) * channels + c] & 0xFF;
    }

    /** A copy of image {@code i}'s bytes, HWC interleaved. */
    public byte[] pixels(int i) {
        return Arrays.copyOfRange(pixels, offsets[i], offsets[i + 1]);
    }

    /** Images with the given indices, in that order, as a new store (copies the pixels). */
    public ImageStore subset(int[] indices) {
        int[] newLabels = new int[indices.length];
        int[] newHeights = new int[indices.length];
        int[] newWidths = new int[indices.length];
        long total = 0;
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("subset index " + i + " outside 0.." + (size() - 1));
            }
            newLabels[k] = labels[i];
            newHeights[k] = heights[i];
            newWidths[k] = widths[i];
            total += offsets[i + 1] - offsets[i];
        }
        byte[] newPixels = new byte[Math.toIntExact(total)];
        int at = 0;
        for (int i : indices) {
            int length = offsets[i + 1] - offsets[i];
            System.arraycopy(pixels, offsets[i], newPixels, at, length);
            at += length;
        }
        return new ImageStore(channels, classes, newLabels, newHeights, newWidths, newPixels);
    }

    /** Assembles a store from images decoded separately (each HWC interleaved). */
    static ImageStore concatenate(int channels, List<String> classes, int[] labels, byte[][] images, int[] heights, int[] widths) {
        long total = 0;
        for (byte[] image : images) {
            total += image.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new DataException("decoded images need " + total + " bytes, more than one Java array (2 GiB) holds;"
                    + " load a smaller subset");
        }
        byte[] pixels = new byte[(int) total];
        int at = 0;
        for (byte[] image : images) {
            System.arraycopy(image, 0, pixels, at, image.length);
            at += image.length;
        }
        return new ImageStore(channels, classes, labels, heights, widths, pixels);
    }

    /** Images per class, indexed by label id. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The common size {height, width} of all images, or empty when they differ. */
    public Optional<int[]> uniformSize() {
        for (int i = 1; i < size(); i++) {
            if (heights[i] != heights[0] || widths[i] != widths[0]) {
                return Optional.empty();
            }
        }
        return size() == 0 ? Optional.empty() : Optional.of(new int[] {heights[0], widths[0]});
    }

    /** Mean and PCA of the pixel values, computed on first use and kept with the store. */
    PixelStatistics statistics() {
        PixelStatistics computed = statistics;
        if (computed == null) {
            synchronized (this) {
                computed = statistics;
                if (computed == null) {
                    computed = PixelStatistics.of(this);
                    statistics = computed;
                }
            }
        }
        return computed;
    }

    // Package-private raw access for the samplers and the store cache, which read every pixel.

    byte[] rawPixels() {
        return pixels;
    }

    int offset(int i) {
        return offsets[i];
    }

    int[] rawLabels() {
        return labels;
    }

    int[] rawHeights() {
        return heights;
    }

    int[] rawWidths() {
        return widths;
    }

    @Override
    public String toString() {
        return "ImageStore[" + size() + " images, " + channels + " channels, " + classes.size() + " classes]";
    }
}
