package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;

/**
 * One mini-batch SGD step of Section 3.1: forward, softmax loss, backward, the optimiser's update,
 * and the loss and correct count the epoch's row reports. The trainer and the throughput
 * measurements run this same code, so "compute only" differs from training only in its inputs.
 */
final class SgdStep {

    /** What one step saw: mean loss over the batch, correctly classified images, batch size. */
    record Result(double loss, long correct, int images) {}

    private SgdStep() {}

    /** The batch is split across {@code devices} (data parallelism) and the gradients summed. */
    static Result run(Trainer trainer, Device[] devices, NDArray images, NDArray labels) {
        return run(trainer, devices, images, labels, StepTrace.OFF);
    }

    /** As {@link #run(Trainer, Device[], NDArray, NDArray)}, fingerprinting the step into {@code trace}. */
    static Result run(Trainer trainer, Device[] devices, NDArray images, NDArray labels, StepTrace trace) {
        int n = (int) images.getShape().get(0);
        int per = (n + devices.length - 1) / devices.length;
        double loss = 0;
        long correct = 0;
        // Everything a step computes is attached to the batch's arrays' manager; a scope per
        // step frees it at once instead of at the end of the epoch.
        try (NDManager stepScope = trainer.getManager().newSubManager();
                GradientCollector collector = trainer.newGradientCollector()) {
            images.tempAttach(stepScope);
            labels.tempAttach(stepScope);
            for (int d = 0; d < devices.length && d * per < n; d++) {
                int from = d * per;
                int to = Math.min(n, from + per);
                NDArray x = devices.length == 1 ? images : images.get(from + ":" + to).toDevice(devices[d], false);
                NDArray y = devices.length == 1 ? labels : labels.get(from + ":" + to).toDevice(devices[d], false);
                NDArray scores = trainer.forward(new NDList(x)).singletonOrThrow();
                float share = (float) (to - from) / n;
                NDArray splitLoss = trainer.getLoss().evaluate(new NDList(y), new NDList(scores));
                trace.forward(x, scores, splitLoss);
                // The share as an array of the step's scope, open through the backward pass that
                // reads it: NDArray.mul(Number) would close its own at once (LocalResponseNorm says why).
                collector.backward(splitLoss.mul(stepScope.create(share)));
                loss += splitLoss.getFloat() * share;
                correct += scores.argMax(1).eq(y.toType(DataType.INT64, false)).sum().getLong();
            }
        }
        trace.gradients(trainer);
        trainer.step();
        trace.weights(trainer);
        return new Result(loss, correct, n);
    }
}
