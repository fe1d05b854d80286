package io.vggsuite.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;

/**
 * The test-time views of Section 3.2 for images [from, to) of a store, each isotropically rescaled
 * so that its smallest side is the test scale Q, normalised like the training inputs (mean
 * subtracted, times the pixel scale; no colour shift):
 *
 * <ul>
 *   <li>{@link #centreCrops}: the centre crop of the rescaled image;
 *   <li>{@link #wholeImages}: the whole rescaled image, for dense evaluation (and {@link
 *       #flippedWholeImages}, its horizontal flip: "augment the test set by horizontal flipping");
 *   <li>{@link #gridCrops}: multi-crop evaluation, "a regular 5×5 grid with 2 flips" per scale.
 * </ul>
 */
public final class TestViews {

    /** Section 3.2: a 5×5 grid of crops per scale. */
    public static final int GRID = 5;

    /** Crops per image and scale: the grid and its horizontal flips. */
    public static final int CROPS_PER_SCALE = 2 * GRID * GRID;

    private final ImageStore store;
    private final Preprocessing preprocessing;
    private final int crop;
    private final float[] mean;

    public TestViews(ImageStore store, Preprocessing preprocessing, int crop) {
        if (preprocessing.channels() != store.channels()) {
            throw new IllegalArgumentException("preprocessing is for " + preprocessing.channels()
                    + " channels but the store has " + store.channels());
        }
        if (crop < 1) {
            throw new IllegalArgumentException("crop must be positive, got " + crop);
        }
        this.store = store;
        this.preprocessing = preprocessing;
        this.crop = crop;
        this.mean = preprocessing.mean();
    }

    /** {@code [n, C, crop, crop]}: the centre crop of each image rescaled to Q. */
    public NDArray centreCrops(NDManager manager, int from, int to, int q) {
        checkRange(from, to);
        checkScale(q);
        int perImage = store.channels() * crop * crop;
        float[] out = new float[(to - from) * perImage];
        for (int i = from; i < to; i++) {
            int[] scaled = CropSampler.rescaledSize(store, i, q);
            sample(i, scaled, (scaled[0] - crop) / 2, (scaled[1] - crop) / 2, crop, crop, false, out, (i - from) * perImage);
        }
        return manager.create(FloatBuffer.wrap(out), new Shape(to - from, store.channels(), crop, crop));
    }

    /**
     * {@code [n, C, h, w]}: each whole image rescaled to Q. All images of the range must rescale to
     * the same size (true of square images such as CIFAR's); otherwise evaluate them one at a time.
     */
    public NDArray wholeImages(NDManager manager, int from, int to, int q) {
        return whole(manager, from, to, q, false);
    }

    /** {@link #wholeImages} mirrored horizontally. */
    public NDArray flippedWholeImages(NDManager manager, int from, int to, int q) {
        return whole(manager, from, to, q, true);
    }

    /**
     * {@code [n·50, C, crop, crop]}: per image, in image order, first the 25 crops of a 5×5 grid over
     * the image rescaled to Q, row by row (top-left, …, top-right, …, bottom-right; the first and last
     * rows and columns touch the borders, the others are evenly spaced), then the same 25 crops
     * flipped horizontally, in the same order: view k + 25 is the mirror image of view k.
     */
    public NDArray gridCrops(NDManager manager, int from, int to, int q) {
        checkRange(from, to);
        checkScale(q);
        int perImage = store.channels() * crop * crop;
        float[] out = new float[(to - from) * CROPS_PER_SCALE * perImage];
        int at = 0;
        for (int i = from; i < to; i++) {
            int[] scaled = CropSampler.rescaledSize(store, i, q);
            for (int flip = 0; flip < 2; flip++) {
                for (int row = 0; row < GRID; row++) {
                    for (int column = 0; column < GRID; column++) {
                        int top = gridOffset(scaled[0], row);
                        int left = gridOffset(scaled[1], column);
                        sample(i, scaled, top, left, crop, crop, flip == 1, out, at);
                        at += perImage;
                    }
                }
            }
        }
        return manager.create(FloatBuffer.wrap(out),
                new Shape((long) (to - from) * CROPS_PER_SCALE, store.channels(), crop, crop));
    }

    /** Class ids of images [from, to). */
    public int[] labels(int from, int to) {
        checkRange(from, to);
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            labels[i - from] = store.label(i);
        }
        return labels;
    }

    public int size() {
        return store.size();
    }

    public int crop() {
        return crop;
    }

    private NDArray whole(NDManager manager, int from, int to, int q, boolean flip) {
        checkRange(from, to);
        if (q < 1) {
            throw new IllegalArgumentException("test scale Q must be positive, got " + q);
        }
        int[] size = CropSampler.rescaledSize(store, from, q);
        for (int i = from + 1; i < to; i++) {
            int[] other = CropSampler.rescaledSize(store, i, q);
            if (other[0] != size[0] || other[1] != size[1]) {
                throw new IllegalArgumentException("whole images " + from + ".." + (to - 1) + " rescaled to Q=" + q
                        + " differ in size: image " + from + " becomes " + size[0] + "×" + size[1] + ", image " + i
                        + " becomes " + other[0] + "×" + other[1] + "; evaluate them in separate calls");
            }
        }
        int perImage = store.channels() * size[0] * size[1];
        float[] out = new float[(to - from) * perImage];
        for (int i = from; i < to; i++) {
            sample(i, size, 0, 0, size[0], size[1], flip, out, (i - from) * perImage);
        }
        return manager.create(FloatBuffer.wrap(out), new Shape(to - from, store.channels(), size[0], size[1]));
    }

    private void sample(int i, int[] scaled, int top, int left, int height, int width, boolean flip, float[] out, int at) {
        CropSampler.sample(store, i, scaled[0], scaled[1], top, left, height, width, flip, mean,
                preprocessing.pixelScale(), out, at);
    }

    private int gridOffset(int scaledSide, int index) {
        return (int) Math.round((double) (scaledSide - crop) * index / (GRID - 1));
    }

    private void checkRange(int from, int to) {
        if (from < 0 || to > store.size() || from >= to) {
            throw new IndexOutOfBoundsException("image range [" + from + ", " + to + ") is empty or outside the "
                    + store.size() + " images of the store");
        }
    }

    private void checkScale(int q) {
        if (q < crop) {
            throw new IllegalArgumentException("test scale Q=" + q + " is smaller than the crop " + crop
                    + ": the crop must fit in the rescaled image");
        }
    }
}
