package io.vggsuite.data;

import java.util.SplittableRandom;

/**
 * Applies an {@link Augmentation} to one image: draws the random choices of Section 3.1 from a
 * generator the caller seeds, then samples the crop. Stateless apart from its configuration, so any
 * thread may use it.
 */
final class Augmenter {

    /**
     * The random choices for one image.
     *
     * @param s the training scale drawn (smallest side after rescaling)
     * @param scaledHeight image height after rescaling
     * @param scaledWidth image width after rescaling
     * @param top first row of the crop in the rescaled image
     * @param left first column of the crop in the rescaled image
     * @param flip mirrored horizontally
     * @param shift colour shift per channel on the 0–255 scale (zeros when off)
     */
    record Draw(int s, int scaledHeight, int scaledWidth, int top, int left, boolean flip, double[] shift) {}

    private final ImageStore store;
    private final Preprocessing preprocessing;
    private final Augmentation augmentation;
    private final float[] mean;

    Augmenter(ImageStore store, Preprocessing preprocessing, Augmentation augmentation) {
        if (preprocessing.channels() != store.channels()) {
            throw new IllegalArgumentException("preprocessing is for " + preprocessing.channels()
                    + " channels but the store has " + store.channels());
        }
        this.store = store;
        this.preprocessing = preprocessing;
        this.augmentation = augmentation;
        this.mean = preprocessing.mean();
    }

    Draw draw(int image, SplittableRandom random) {
        TrainScale scale = augmentation.scale();
        int s = scale.isJittered() ? random.nextInt(scale.min(), scale.max() + 1) : scale.min();
        int[] scaled = CropSampler.rescaledSize(store, image, s);
        int crop = augmentation.crop();
        int top = random.nextInt(scaled[0] - crop + 1);
        int left = random.nextInt(scaled[1] - crop + 1);
        boolean flip = augmentation.flip() && random.nextBoolean();
        double[] shift = new double[store.channels()];
        if (augmentation.colourShift()) {
            double[] alphas = new double[store.channels()];
            for (int k = 0; k < alphas.length; k++) {
                alphas[k] = Augmentation.COLOUR_SHIFT_STD * random.nextGaussian();
            }
            shift = preprocessing.colourShift(alphas);
        }
        return new Draw(s, scaled[0], scaled[1], top, left, flip, shift);
    }

    /** Writes the augmented crop of {@code image}, CHW, at {@code out[outStart]}. */
    void write(int image, Draw draw, float[] out, int outStart) {
        float[] offsets = new float[mean.length];
        for (int c = 0; c < offsets.length; c++) {
            offsets[c] = (float) (mean[c] - draw.shift()[c]);
        }
        int crop = augmentation.crop();
        CropSampler.sample(store, image, draw.scaledHeight(), draw.scaledWidth(), draw.top(), draw.left(),
                crop, crop, draw.flip(), offsets, preprocessing.pixelScale(), out, outStart);
    }

    int valuesPerImage() {
        return store.channels() * augmentation.crop() * augmentation.crop();
    }
}
