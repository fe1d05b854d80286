package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import io.vggsuite.data.Batch;
import io.vggsuite.data.BatchIterator;
import io.vggsuite.data.TrainingBatches;
import java.time.Duration;
import java.util.Optional;

/**
 * One pass of mini-batch SGD over the training images (Section 3.1), stopped at the first step
 * whose loss is not finite: what changes here is how an epoch is run and measured, nothing of
 * what is done with the result.
 */
final class EpochPass {

    /**
     * @param meanLoss mean training loss over the epoch's images
     * @param top1Error training top-1 error, percent
     * @param lastFiniteLoss the last finite step loss, if any step had one
     * @param divergedAt the batch whose loss was not finite, when the epoch stopped there
     */
    record Stats(double meanLoss, double top1Error, double seconds, double imagesPerSecond,
            Optional<Double> lastFiniteLoss, Optional<Integer> divergedAt) {}

    private final String runId;
    private final int maxEpochs;
    private final Device[] devices;
    private final Progress progress;
    private final LossFault fault;
    private final StepTrace trace;

    /**
     * A change to a step's loss before it is checked, for tests of what a non-finite loss leads to:
     * the rare NaN of a kernel (docs/determinism.md) cannot be provoked on demand.
     */
    @FunctionalInterface
    interface LossFault {
        /** No change: every run outside such tests. */
        LossFault NONE = (epoch, batch, loss) -> loss;

        /** @param batch counted from 0 within the epoch */
        double apply(int epoch, int batch, double loss);
    }

    EpochPass(String runId, int maxEpochs, Device[] devices, Progress progress, LossFault fault, StepTrace trace) {
        this.runId = runId;
        this.maxEpochs = maxEpochs;
        this.devices = devices;
        this.progress = progress;
        this.fault = fault;
        this.trace = trace;
    }

    Stats run(Trainer trainer, TrainingBatches batches, int epoch) {
        long begin = System.nanoTime();
        double lossSum = 0;
        long wrong = 0;
        long seen = 0;
        Optional<Double> lastFinite = Optional.empty();
        int batchIndex = 0;
        int total = batches.batchesPerEpoch();
        try (NDManager scope = trainer.getManager().newSubManager();
                BatchIterator iterator = batches.epoch(scope, epoch)) {
            while (iterator.hasNext()) {
                try (Batch batch = iterator.next()) {
                    trace.at(epoch, batchIndex);
                    SgdStep.Result step = SgdStep.run(trainer, devices, batch.images(), batch.labels(), trace);
                    double loss = fault.apply(epoch, batchIndex, step.loss());
                    if (!Double.isFinite(loss)) {
                        return new Stats(Double.NaN, Double.NaN, 0, 0, lastFinite, Optional.of(batchIndex));
                    }
                    lastFinite = Optional.of(loss);
                    lossSum += loss * step.images();
                    wrong += step.images() - step.correct();
                    seen += step.images();
                }
                batchIndex++;
                double seconds = (System.nanoTime() - begin) / 1e9;
                progress.batch(runId, epoch, maxEpochs, batchIndex, total, lossSum / seen, seen / seconds,
                        Duration.ofSeconds((long) (seconds / batchIndex * (total - batchIndex))));
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Stats(lossSum / seen, 100.0 * wrong / seen, seconds, seen / seconds, lastFinite, Optional.empty());
    }
}
