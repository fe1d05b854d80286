package io.vggsuite.model;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.vggsuite.train.Devices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every configuration trains: one forward, backward and SGD step at CIFAR size. */
class TrainingStepTest {

    @ParameterizedTest
    @EnumSource(VggConfig.class)
    void oneSgdStepChangesEveryWeightLayer(VggConfig config) {
        VggSpec spec = VggSpec.cifar(config, 0.25);
        VggNet net = VggBuilder.build(spec);
        Initialisation.GLOROT.applyTo(net);
        try (Model model = Model.newInstance("step-" + config)) {
            model.setBlock(net);
            DefaultTrainingConfig recipe = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd()
                            .setLearningRateTracker(Tracker.fixed(0.01f))
                            .optMomentum(0.9f)
                            .optWeightDecays(5e-4f)
                            .build())
                    .optDevices(Devices.forTraining());
            try (Trainer trainer = model.newTrainer(recipe)) {
                Shape input = new Shape(4, 3, 32, 32);
                trainer.initialize(input);
                NDManager manager = trainer.getManager();
                NDArray before = net.convLayers().get(0).getParameters().get("weight").getArray().duplicate();
                NDArray fc8Before = net.head().layers().get(2).getParameters().get("weight").getArray().duplicate();
                NDArray x = manager.randomUniform(-1, 1, input);
                NDArray y = manager.create(new float[] {0, 1, 2, 3}).toType(DataType.FLOAT32, false);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray scores = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(scores));
                    assertTrue(Float.isFinite(loss.getFloat()), config + " loss " + loss.getFloat());
                    collector.backward(loss);
                }
                trainer.step();
                assertNotEquals(before, net.convLayers().get(0).getParameters().get("weight").getArray(), "conv1");
                assertNotEquals(fc8Before, net.head().layers().get(2).getParameters().get("weight").getArray(), "fc8");
            }
        }
    }
}
