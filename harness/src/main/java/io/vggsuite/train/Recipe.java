package io.vggsuite.train;

/**
 * The optimisation recipe of Section 3.1, field by field.
 *
 * @param batchSize "the batch size was set to 256"
 * @param learningRate "initially set to 10⁻²" (10⁻³ when fine-tuning a model for a larger S,
 *     Section 3.1 "Training image size")
 * @param momentum "momentum to 0.9"
 * @param weightDecay "L2 penalty multiplier set to 5·10⁻⁴"
 * @param maxEpochs "the learning was stopped after … 74 epochs"
 * @param schedule when the learning rate falls
 */
public record Recipe(
        int batchSize,
        float learningRate,
        float momentum,
        float weightDecay,
        int maxEpochs,
        LearningRateSchedule schedule) {

    public Recipe {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight decay must be ≥ 0, got " + weightDecay);
        }
        if (maxEpochs < 0) {
            throw new IllegalArgumentException("epochs must be ≥ 0, got " + maxEpochs);
        }
    }

    /** Section 3.1 as printed. */
    public static Recipe paper() {
        return new Recipe(256, 1e-2f, 0.9f, 5e-4f, 74, LearningRateSchedule.Plateau.paper());
    }

    public Recipe withBatchSize(int value) {
        return new Recipe(value, learningRate, momentum, weightDecay, maxEpochs, schedule);
    }

    public Recipe withLearningRate(float value) {
        return new Recipe(batchSize, value, momentum, weightDecay, maxEpochs, schedule);
    }

    public Recipe withMaxEpochs(int value) {
        return new Recipe(batchSize, learningRate, momentum, weightDecay, value, schedule);
    }

    public Recipe withSchedule(LearningRateSchedule value) {
        return new Recipe(batchSize, learningRate, momentum, weightDecay, maxEpochs, value);
    }
}
