package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.Normalisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointBodyTest {

    private static Checkpoint.Verified checkpointAt(LearningRateSchedule.State state, double lastFiniteLoss)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeFloat(state.learningRate());
        out.writeInt(state.decreases());
        out.writeDouble(state.bestValidationError());
        out.writeInt(state.epochsSinceBest());
        out.writeDouble(lastFiniteLoss);
        return new Checkpoint.Verified(3, Path.of("epoch-0003.ckpt"), bytes.toByteArray());
    }

    @Test
    void thePositionReadsBackTheScheduleStateAndLastFiniteLossInTheLayoutOfVersionOne() throws IOException {
        LearningRateSchedule.State state = new LearningRateSchedule.State(1e-3f, 1, 42.5, 2);
        CheckpointBody.Position position = new CheckpointBody.Reader(checkpointAt(state, 1.25)).position();
        assertEquals(new CheckpointBody.Position(state, 1.25), position);
    }

    @Test
    void readingTheWeightsBeforeThePositionIsRefusedNotMisread() throws IOException {
        CheckpointBody.Reader reader = new CheckpointBody.Reader(
                checkpointAt(LearningRateSchedule.State.initial(1e-2f), 2.3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.parametersInto(null, null));
        assertEquals("checkpoint epoch-0003.ckpt: the parameters read out of order", e.getMessage());
    }

    /**
     * Batch normalisation's running statistics are not trained (no gradient, no momentum buffer)
     * but decide what evaluation computes, so a resumed run must get them back with the weights.
     */
    @Test
    void aBatchNormNetResumedFromItsCheckpointHasItsRunningStatisticsAndTakesTheSameNextStep() throws IOException {
        VggSpec spec = VggSpec.cifar(VggConfig.A, 1.0 / 16).withNormalisation(Normalisation.BATCH_NORM);
        try (NDManager batches = NDManager.newBaseManager();
                Session original = Session.open(spec, 1, Optional.empty())) {
            Engine.getInstance().setRandomSeed(7);
            Shape input = new Shape(4, 3, 32, 32);
            NDArray images = batches.randomNormal(input);
            NDArray labels = batches.randomInteger(0, spec.numClasses(), new Shape(4), DataType.INT64);
            original.step(images, labels);
            Parameter mean = original.net().batchNormLayers().get(0).getParameters().get("runningMean");
            assertFalse(Arrays.equals(new float[(int) mean.getArray().size()], mean.getArray().toFloatArray()),
                    "a training step moves the running mean off zero");

            byte[] body = bytes(CheckpointBody.of(new CheckpointBody.Position(
                    LearningRateSchedule.State.initial(1e-2f), 2.3), original.net(), original.optimizer()));
            CheckpointBody.Reader reader = new CheckpointBody.Reader(
                    new Checkpoint.Verified(1, Path.of("epoch-0001.ckpt"), body));
            reader.position();
            try (Session resumed = Session.open(spec, 2, Optional.of(reader))) {
                assertEquals(values(original.net()), values(resumed.net()));
                original.step(images, labels);
                resumed.step(images, labels);
                assertEquals(values(original.net()), values(resumed.net()), "the step after the resume");
            }
        }
    }

    /** A net, its optimizer and trainer, started as {@code TrainingSession} starts them. */
    private record Session(Model model, VggNet net, MomentumSgd optimizer, Trainer trainer) implements AutoCloseable {

        /** A fresh net drawn from {@code seed}, or the one {@code resumeFrom} holds. */
        static Session open(VggSpec spec, int seed, Optional<CheckpointBody.Reader> resumeFrom) throws IOException {
            Model model = Model.newInstance("checkpoint-test");
            VggNet net = VggBuilder.build(spec);
            model.setBlock(net);
            Shape input = new Shape(4, spec.inputChannels(), spec.cropSize(), spec.cropSize());
            Engine.getInstance().setRandomSeed(seed);
            Initialisation.GLOROT.applyTo(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, input);
            if (resumeFrom.isPresent()) {
                resumeFrom.get().parametersInto(net, model.getNDManager());
            }
            MomentumSgd optimizer = new MomentumSgd(1e-2f, 0.9f, 5e-4f);
            Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer));
            trainer.initialize(input);
            if (resumeFrom.isPresent()) {
                resumeFrom.get().optimizerInto(optimizer, net, model.getNDManager());
            }
            return new Session(model, net, optimizer, trainer);
        }

        /** One SGD step, with dropout drawn from the same seed on every call. */
        void step(NDArray images, NDArray labels) {
            Engine.getInstance().setRandomSeed(11);
            SgdStep.run(trainer, trainer.getDevices(), images, labels);
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }

    /** Every parameter by name, running statistics included. */
    private static List<String> values(VggNet net) {
        List<String> values = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            values.add(p.getKey() + "=" + Arrays.toString(p.getValue().getArray().toFloatArray()));
        }
        return values;
    }

    private static byte[] bytes(Checkpoint.Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }
}
