package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
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
}
