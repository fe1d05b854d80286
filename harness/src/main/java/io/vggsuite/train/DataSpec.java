package io.vggsuite.train;

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

    public DataSpec {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must be named");
        }
        if (trainImages < 0 || validationImages < 0 || testImages < 0) {
            throw new IllegalArgumentException("image counts must be ≥ 0, got train " + trainImages
                    + ", validation " + validationImages + ", test " + testImages);
        }
    }

    public DataSpec withValidationImages(int count) {
        return new DataSpec(dataset, trainImages, count, testImages, splitSeed);
    }
}
