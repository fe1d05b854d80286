package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.vggsuite.data.Batch;
import io.vggsuite.data.BatchIterator;
import io.vggsuite.data.TrainingBatches;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Training throughput of a net on pre-made random tensors: what the hardware gives when no input
 * pipeline is involved. Budgets use it to estimate their wall time before they start; the
 * benchmarks compare the real pipeline against it. Every step is the trainer's own {@link SgdStep}.
 */
public final class ComputeThroughput {

    /**
     * Images per second of the same net fed live by the input pipeline and fed pre-made tensors,
     * measured in alternating blocks of steps so that a machine whose speed drifts over minutes
     * slows both alike.
     */
    public record FedVersusPremade(double fed, double premade, int blocks, int stepsPerBlock) {
        public double ratio() {
            return fed / premade;
        }
    }

    /** Section 3.1's optimiser settings, which training starts with: the weights they produce run alike. */
    private static final Recipe PAPER = Recipe.paper();

    private ComputeThroughput() {}

    /** Images per second over {@code steps} SGD steps after {@code warmup} untimed ones. */
    public static double imagesPerSecond(VggSpec spec, int batchSize, int warmup, int steps) {
        return imagesPerSecond(spec, batchSize, warmup, steps, () -> () -> {});
    }

    /**
     * As {@link #imagesPerSecond(VggSpec, int, int, int)}, with {@code around} opened just before
     * the timed steps and closed just after them: a profiler that should see only those.
     */
    public static double imagesPerSecond(VggSpec spec, int batchSize, int warmup, int steps,
            Supplier<? extends AutoCloseable> around) {
        return withTrainer(spec, batchSize, (trainer, premade) -> {
            premade.steps(warmup);
            long nanos;
            try (AutoCloseable window = around.get()) {
                nanos = premade.steps(steps);
            } catch (Exception e) {
                throw new IllegalStateException("closing what surrounds the timed steps failed", e);
            }
            return (double) steps * batchSize / (nanos / 1e9);
        });
    }

    /**
     * Training fed by {@code batches} against training on pre-made tensors of the same shape: after
     * one untimed block of each, {@code blocks} blocks of each in turn, {@code stepsPerBlock} steps
     * per block. The pipeline runs through its epochs as training would.
     */
    public static FedVersusPremade fedVersusPremade(VggSpec spec, TrainingBatches batches, int blocks,
            int stepsPerBlock) {
        return withTrainer(spec, batches.batchSize(), (trainer, premade) -> {
            try (LiveFeed live = new LiveFeed(trainer, premade.devices(), batches)) {
                long fedNanos = 0;
                long premadeNanos = 0;
                for (int block = -1; block < blocks; block++) {
                    long fed = live.steps(stepsPerBlock);
                    long made = premade.steps(stepsPerBlock);
                    if (block >= 0) {
                        fedNanos += fed;
                        premadeNanos += made;
                    }
                }
                double images = (double) blocks * stepsPerBlock * batches.batchSize();
                return new FedVersusPremade(images / (fedNanos / 1e9), images / (premadeNanos / 1e9), blocks,
                        stepsPerBlock);
            }
        });
    }

    /**
     * Images per second of training fed live by {@code batches} over a window of wall time: steps
     * for {@code warmup}, then counts the images of the steps that end within {@code measured},
     * then keeps stepping for {@code tail}. Timed by the clock rather than by a number of steps, so
     * that processes started together and measured side by side share their window: one that
     * finishes first does not leave the other to run alone.
     */
    public static double fedImagesPerSecond(VggSpec spec, TrainingBatches batches, Duration warmup,
            Duration measured, Duration tail) {
        return withTrainer(spec, batches.batchSize(), (trainer, premade) -> {
            try (LiveFeed live = new LiveFeed(trainer, premade.devices(), batches)) {
                long start = System.nanoTime();
                long from = start + warmup.toNanos();
                long to = from + measured.toNanos();
                long end = to + tail.toNanos();
                long images = 0;
                long first = -1;
                long last = -1;
                long now = start;
                while (now < end) {
                    live.steps(1);
                    now = System.nanoTime();
                    if (now > from && now <= to) {
                        if (first < 0) {
                            first = now;
                        } else {
                            images += batches.batchSize();
                        }
                        last = now;
                    }
                }
                if (first < 0 || last <= first) {
                    throw new IllegalStateException("no two steps ended within the measured window of "
                            + measured + ": lengthen it");
                }
                return images / ((last - first) / 1e9);
            }
        });
    }

    private interface Measurement<T> {
        T run(Trainer trainer, Premade premade);
    }

    private static <T> T withTrainer(VggSpec spec, int batchSize, Measurement<T> measurement) {
        VggNet net = VggBuilder.build(spec);
        Initialisation.GLOROT.applyTo(net);
        Device[] devices = Devices.forTraining();
        try (Model model = Model.newInstance("throughput", devices[0])) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(new MomentumSgd(PAPER.learningRate(), PAPER.momentum(), PAPER.weightDecay()))
                    .optDevices(devices);
            try (Trainer trainer = model.newTrainer(config)) {
                Shape input = new Shape(batchSize, spec.inputChannels(), spec.cropSize(), spec.cropSize());
                trainer.initialize(input);
                NDManager manager = trainer.getManager();
                NDArray images = manager.randomNormal(0, 1, input, DataType.FLOAT32);
                NDArray labels = manager.randomInteger(0, spec.numClasses(), new Shape(batchSize), DataType.INT64);
                return measurement.run(trainer, new Premade(trainer, devices, images, labels));
            }
        }
    }

    /** Steps on the same tensors every time; they go back to their manager after each step. */
    private record Premade(Trainer trainer, Device[] devices, NDArray images, NDArray labels) {
        long steps(int count) {
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                SgdStep.run(trainer, devices, images, labels);
            }
            return System.nanoTime() - begin;
        }
    }

    /** Steps on the pipeline's batches, epoch after epoch, as the trainer takes them. */
    private static final class LiveFeed implements AutoCloseable {
        private final Trainer trainer;
        private final Device[] devices;
        private final TrainingBatches batches;
        private NDManager scope;
        private BatchIterator iterator;
        private int epoch;

        LiveFeed(Trainer trainer, Device[] devices, TrainingBatches batches) {
            this.trainer = trainer;
            this.devices = devices;
            this.batches = batches;
        }

        long steps(int count) {
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                try (Batch batch = next()) {
                    SgdStep.run(trainer, devices, batch.images(), batch.labels());
                }
            }
            return System.nanoTime() - begin;
        }

        private Batch next() {
            if (iterator == null || !iterator.hasNext()) {
                close();
                scope = trainer.getManager().newSubManager();
                iterator = batches.epoch(scope, epoch++);
            }
            return iterator.next();
        }

        @Override
        public void close() {
            if (iterator != null) {
                iterator.close();
                scope.close();
            }
        }
    }
}
