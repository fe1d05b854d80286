package io.vggsuite.model;

/**
 * What to build: a configuration of Table 1 plus the knobs that take it from ImageNet size to
 * CIFAR size without changing its shape.
 *
 * @param config the column of Table 1 (or the B-5×5 control)
 * @param numClasses units of the last FC layer (1000 for ILSVRC, 10 for CIFAR-10)
 * @param inputChannels 3 for RGB, 1 for Fashion-MNIST
 * @param width multiplier for conv channels and FC units (1 is the paper; 1/4 gives convs
 *     16…128 and FC-1024)
 * @param cropSize the training crop, a multiple of 32 (224 in the paper, Section 2.1); it fixes
 *     the FC-6 input size, which is cropSize/32 squared
 * @param variant the model options an ablation beyond the paper varies ({@link ModelVariant#PAPER}
 *     for the paper's nets)
 */
public record VggSpec(
        VggConfig config, int numClasses, int inputChannels, double width, int cropSize, ModelVariant variant) {

    /** Section 2.1: "the first FC layers have 4096 channels each". */
    public static final int PAPER_FC_UNITS = 4096;

    public VggSpec {
        if (variant == null) {
            throw new IllegalArgumentException("variant must be given: ModelVariant.PAPER for the paper's nets");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be at least 2, got " + numClasses);
        }
        if (inputChannels < 1) {
            throw new IllegalArgumentException("inputChannels must be positive, got " + inputChannels);
        }
        requireWidth(width);
        requireCrop(cropSize);
    }

    /** @throws IllegalArgumentException unless {@code width} is a finite number above 0 */
    public static double requireWidth(double width) {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("width must be > 0, got " + width);
        }
        return width;
    }

    /** @throws IllegalArgumentException unless {@code crop} is a positive multiple of 32 (Section 2.1) */
    public static int requireCrop(int crop) {
        if (crop < VggConfig.TOTAL_STRIDE || crop % VggConfig.TOTAL_STRIDE != 0) {
            throw new IllegalArgumentException(
                    "crop must be a positive multiple of 32 (five 2×2 max-pools), got " + crop);
        }
        return crop;
    }

    /**
     * The paper's own scale: 224×224 RGB crops, 1000 ILSVRC classes, full width, the paper's layers.
     * The start of every other spec: change what differs with the withers ({@code VggSpec.of(A).withClasses(10)
     * .withWidth(0.25).withCrop(32)}), never with the positional constructor.
     */
    public static VggSpec of(VggConfig config) {
        return new VggSpec(config, 1000, 3, 1.0, 224, ModelVariant.PAPER);
    }

    /** CIFAR-10 scale: 32×32 RGB crops, 10 classes, the given width. */
    public static VggSpec cifar(VggConfig config, double width) {
        return of(config).withClasses(10).withWidth(width).withCrop(32);
    }

    /** Another column of Table 1 at the same scale, width and model variant. */
    public VggSpec withConfig(VggConfig other) {
        return new VggSpec(other, numClasses, inputChannels, width, cropSize, variant);
    }

    /** The same net with another number of output classes (the last FC layer's width). */
    public VggSpec withClasses(int classes) {
        return new VggSpec(config, classes, inputChannels, width, cropSize, variant);
    }

    /** The same net on images of another channel count (1 for Fashion-MNIST). */
    public VggSpec withInputChannels(int channels) {
        return new VggSpec(config, numClasses, channels, width, cropSize, variant);
    }

    /** The same net with every layer's channels multiplied by {@code multiplier} (the paper's is 1). */
    public VggSpec withWidth(double multiplier) {
        return new VggSpec(config, numClasses, inputChannels, multiplier, cropSize, variant);
    }

    /** The same net trained on {@code crop}×{@code crop} crops (the paper's is 224). */
    public VggSpec withCrop(int crop) {
        return new VggSpec(config, numClasses, inputChannels, width, crop, variant);
    }

    /** The same net as the model variant {@code other} ({@link ModelVariant#PAPER} is the paper's). */
    public VggSpec withVariant(ModelVariant other) {
        return new VggSpec(config, numClasses, inputChannels, width, cropSize, other);
    }

    /** The same net with {@code other} after each convolution ({@link Normalisation#NONE} is the paper's). */
    public VggSpec withNormalisation(Normalisation other) {
        return withVariant(variant.withNormalisation(other));
    }

    /** "1", "1/4", "1/8" (or the decimal, for a width that is no unit fraction): how tables and metric names print it. */
    public static String widthLabel(double width) {
        long denominator = Math.round(1 / width);
        return width == 1 ? "1" : Math.abs(width * denominator - 1) < 1e-9 ? "1/" + denominator : Double.toString(width);
    }

    /** Conv filters after the width multiplier; never below one. */
    public int scaledFilters(int paperFilters) {
        return Math.max(1, (int) Math.round(paperFilters * width));
    }

    public int fcUnits() {
        return scaledFilters(PAPER_FC_UNITS);
    }

    /** Side of the last feature map for a training crop: the FC-6 kernel when run as a conv. */
    public int featureMapSize() {
        return cropSize / VggConfig.TOTAL_STRIDE;
    }
}
