package io.vggsuite.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;

/**
 * Training throughput of a net on pre-made random tensors: what the hardware gives when no input
 * pipeline is involved. Budgets use it to estimate their wall time before they start; the
 * benchmarks compare the real pipeline against it.
 */
public final class ComputeThroughput {

    private ComputeThroughput() {}

    /** Images per second over {@code steps} SGD steps after {@code warmup} untimed ones. */
    public static double imagesPerSecond(VggSpec spec, int batchSize, int warmup, int steps) {
        VggNet net = VggBuilder.build(spec);
        Initialisation.GLOROT.applyTo(net);
        try (Model model = Model.newInstance("throughput", Devices.primary())) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(new MomentumSgd(1e-3f, 0.9f, 5e-4f))
                    .optDevices(Devices.forTraining());
            try (Trainer trainer = model.newTrainer(config)) {
                Shape input = new Shape(batchSize, spec.inputChannels(), spec.cropSize(), spec.cropSize());
                trainer.initialize(input);
                NDManager manager = trainer.getManager();
                NDArray images = manager.randomNormal(0, 1, input, DataType.FLOAT32);
                NDArray labels = manager.randomInteger(0, spec.numClasses(), new Shape(batchSize), DataType.INT64)
                        .toType(DataType.FLOAT32, false);
                for (int i = 0; i < warmup; i++) {
                    step(trainer, images, labels);
                }
                long begin = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    step(trainer, images, labels);
                }
                return (double) steps * batchSize / ((System.nanoTime() - begin) / 1e9);
            }
        }
    }

    private static void step(Trainer trainer, NDArray images, NDArray labels) {
        try (NDManager scope = trainer.getManager().newSubManager();
                GradientCollector collector = trainer.newGradientCollector()) {
            images.tempAttach(scope);
            labels.tempAttach(scope);
            NDArray scores = trainer.forward(new NDList(images)).singletonOrThrow();
            NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(scores));
            collector.backward(loss);
            loss.getFloat();
        }
        trainer.step();
    }
}
