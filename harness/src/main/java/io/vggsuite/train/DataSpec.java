package io.vggsuite.train;

import java.util.OptionalInt;

/**
 * Which images a run trains and validates on.
 *
 * @param dataset "cifar10", "fashion-mnist", or "imagefolder:&lt;path&gt;"
 * @param trainImages how many training images to use, 0 for all (minus the validation split);
 *     small budgets train on a deterministic subset
 * @param validationImages held out from the training set for the learning-rate schedule
 *     (Section 3.1 watches validation accuracy; the test set never steers training)
 * @param testImages how many test images to evaluate, 0 for all
 * @param splitSeed fixes the validation split and the subset, independently of the run's seed so
 *     that runs with different seeds see the same images
 */
public record DataSpec(String dataset, int trainImages, int validationImages, int testImages, long splitSeed) {

    /** The datasets {@link DataCatalog} can load, by name. */
    public static final String CIFAR10 = "cifar10";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String IMAGE_FOLDER_PREFIX = "imagefolder:";

    public DataSpec {
        requireDataset(dataset);
        requireCount("train", trainImages);
        requireCount("validation", validationImages);
        requireCount("test", testImages);
    }

    /** @throws IllegalArgumentException unless {@code dataset} names one {@link DataCatalog} can load */
    public static String requireDataset(String dataset) {
        boolean known = CIFAR10.equals(dataset) || FASHION_MNIST.equals(dataset)
                || (dataset != null && dataset.startsWith(IMAGE_FOLDER_PREFIX)
                        && dataset.length() > IMAGE_FOLDER_PREFIX.length());
        if (!known) {
            throw new IllegalArgumentException("unknown dataset '" + dataset + "', expected " + CIFAR10 + ", "
                    + FASHION_MNIST + " or " + IMAGE_FOLDER_PREFIX + "PATH");
        }
        return dataset;
    }

    /** @throws IllegalArgumentException unless {@code count} is ≥ 0 (0: all images) */
    public static int requireCount(String which, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(which + " image count must be ≥ 0 (0 for all), got " + count);
        }
        return count;
    }

    /**
     * The side of the data set's own images in pixels, where every image has the same: CIFAR-10 32,
     * Fashion-MNIST 28; empty for an image folder, whose images vary (ILSVRC's are mostly larger
     * than the paper's largest scale). A scale above it is an interpolation that adds no detail.
     */
    public OptionalInt nativeSide() {
        return CIFAR10.equals(dataset) ? OptionalInt.of(32)
                : FASHION_MNIST.equals(dataset) ? OptionalInt.of(28) : OptionalInt.empty();
    }

    /** The split seed {@link #of} starts from: the one every budget uses. */
    public static final long DEFAULT_SPLIT_SEED = 7;

    /**
     * Every image of {@code dataset}, no validation split, split seed {@value #DEFAULT_SPLIT_SEED}:
     * the start of every other spec, changed with the withers ({@code DataSpec.of(CIFAR10)
     * .withTrainImages(16000).withValidationImages(2000).withTestImages(2500)}).
     */
    public static DataSpec of(String dataset) {
        return new DataSpec(dataset, 0, 0, 0, DEFAULT_SPLIT_SEED);
    }

    /** The same images with {@code count} training images (0: all but the validation split). */
    public DataSpec withTrainImages(int count) {
        return new DataSpec(dataset, count, validationImages, testImages, splitSeed);
    }

    public DataSpec withValidationImages(int count) {
        return new DataSpec(dataset, trainImages, count, testImages, splitSeed);
    }

    /** The same images with {@code count} test images (0: all). */
    public DataSpec withTestImages(int count) {
        return new DataSpec(dataset, trainImages, validationImages, count, splitSeed);
    }

    public DataSpec withSplitSeed(long seed) {
        return new DataSpec(dataset, trainImages, validationImages, testImages, seed);
    }
}
