package io.vggsuite.data;

import java.nio.file.Path;

/**
 * The suite's datasets, found through the JVM's own lookup order ({@link DataLocator}: system
 * property {@value DataLocator#DATA_DIR_PROPERTY}, environment variable {@value
 * DataLocator#DATA_DIR_VARIABLE}, then {@code ~/.cache/vgg-suite/datasets}), decoded stores cached
 * under {@code ~/.cache/vgg-suite/stores}, with a stratified validation split of the given number of
 * images (see {@link ValidationSplit}; {@link DatasetLoader} takes any split).
 */
public final class Datasets {

    private Datasets() {}

    /** CIFAR-10: 50,000 training and 10,000 test images, 32×32 RGB, 10 classes. */
    public static DatasetSplits cifar10(int validationImages, long splitSeed) {
        return DatasetLoader.standard().cifar10(ValidationSplit.images(validationImages, splitSeed));
    }

    /** Fashion-MNIST: 60,000 training and 10,000 test images, 28×28 grayscale, 10 classes. */
    public static DatasetSplits fashionMnist(int validationImages, long splitSeed) {
        return DatasetLoader.standard().fashionMnist(ValidationSplit.images(validationImages, splitSeed));
    }

    /** An ImageFolder dataset in a folder or archive. */
    public static DatasetSplits imageFolder(Path dirOrArchive, int validationImages, long splitSeed) {
        return DatasetLoader.standard().imageFolder(dirOrArchive, ValidationSplit.images(validationImages, splitSeed));
    }
}
