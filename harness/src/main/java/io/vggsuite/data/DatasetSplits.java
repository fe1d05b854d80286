package io.vggsuite.data;

/**
 * A dataset ready for an experiment.
 *
 * @param name the dataset ("cifar10", "fashion-mnist", or the folder or archive name)
 * @param checksum the source's checksum as "sha256:…" or "md5:…", for provenance
 * @param train the training images less the validation images
 * @param validation held out from the training set (see {@link ValidationSplit})
 * @param test the dataset's test set, never used to choose anything
 */
public record DatasetSplits(String name, String checksum, ImageStore train, ImageStore validation, ImageStore test) {

    /** Carves {@code split} out of {@code fullTrain}. */
    static DatasetSplits of(String name, String checksum, ImageStore fullTrain, ImageStore test, ValidationSplit split) {
        int[][] indices = split.indices(fullTrain);
        return new DatasetSplits(name, checksum, fullTrain.subset(indices[0]), fullTrain.subset(indices[1]), test);
    }
}
