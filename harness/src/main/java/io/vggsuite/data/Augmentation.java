package io.vggsuite.data;

/**
 * The training-time augmentation of Section 3.1: isotropically rescale so that the smallest side is
 * S (fixed, or drawn per image from [Smin, Smax]), take one random {@code crop}×{@code crop} crop,
 * flip it horizontally with probability ½ ({@code flip}) and add the random RGB colour shift of
 * Krizhevsky et al. (2012) ({@code colourShift}).
 *
 * @param scale the training scale S, in pixels at this crop (see {@link ScaleMapping})
 * @param crop side of the square crop fed to the network (224 in the paper)
 * @param flip random horizontal flips
 * @param colourShift random RGB colour shift along the training set's principal components
 */
public record Augmentation(TrainScale scale, int crop, boolean flip, boolean colourShift) {

    /** Krizhevsky et al. (2012), Section 4.1: αᵢ ~ N(0, 0.1²). */
    public static final double COLOUR_SHIFT_STD = 0.1;

    public Augmentation {
        if (crop < 1) {
            throw new IllegalArgumentException("Augmentation crop must be positive, got " + crop);
        }
        if (crop > scale.min()) {
            throw new IllegalArgumentException("Augmentation crop " + crop + " is larger than the training scale Smin "
                    + scale.min() + " (scale " + scale.label() + "): the crop must fit in the rescaled image,"
                    + " so S must be at least the crop size");
        }
    }

    /** All of Section 3.1: the given scale, random crops, flips and colour shift. */
    public static Augmentation paper(TrainScale scale, int crop) {
        return new Augmentation(scale, crop, true, true);
    }
}
