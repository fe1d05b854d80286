package io.vggsuite.results;

/**
 * One row of {@code epochs.csv}: the state after an epoch of training. Errors are percentages;
 * a value not measured this epoch is {@code NaN}.
 *
 * @param epoch 1-based epoch number
 * @param learningRate the rate used during the epoch
 * @param trainLoss mean training loss over the epoch
 * @param trainTop1Error top-1 error on the training crops seen during the epoch, in percent
 * @param validationTop1Error top-1 validation error (the curve the paper's schedule watches), in percent
 * @param validationTop5Error top-5 validation error, in percent
 * @param seconds wall time of the epoch, training and validation
 * @param imagesPerSecond training throughput
 */
public record EpochRecord(
        int epoch,
        double learningRate,
        double trainLoss,
        double trainTop1Error,
        double validationTop1Error,
        double validationTop5Error,
        double seconds,
        double imagesPerSecond) {

    public EpochRecord {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
    }
}
