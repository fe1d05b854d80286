package io.vggsuite.train;

import ai.djl.ndarray.NDManager;
import io.vggsuite.data.TestViews;
import io.vggsuite.model.VggNet;

/**
 * How the trainer measures a net on the held-out images after each epoch, for the learning-rate
 * schedule and the epoch rows: "the learning rate was decreased by a factor of 10 when the
 * validation set accuracy stopped improving" (Section 3.1). Evaluation lives in {@code eval},
 * which supplies the paper's protocol ({@code io.vggsuite.eval.CentreCropValidation}); training
 * takes it as a function so that it never depends on evaluation.
 */
@FunctionalInterface
public interface Validation {

    /** Top-1 and top-5 error, in percent. */
    record Errors(double top1, double top5) {}

    /**
     * @param views the validation images, preprocessed for the net's crop
     * @param testScale Q in the suite's pixels, the single scale of the run's training scale
     * @param batchSize images per forward pass
     */
    Errors measure(VggNet net, NDManager manager, TestViews views, int testScale, int batchSize);
}
