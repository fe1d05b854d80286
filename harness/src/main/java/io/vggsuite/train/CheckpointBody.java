package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.vggsuite.model.VggNet;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a checkpoint holds after {@link Checkpoint}'s header, written and read only here, in this
 * order: the schedule's state, the last finite training loss, the net's parameters (all of them,
 * so batch normalisation's running statistics too, which have no gradient), then the optimizer's
 * momentum buffers by parameter name (trained parameters only). The layout is {@link
 * Checkpoint#VERSION}: a change of order or of a field here bumps it there, and files of the older
 * layout are then passed over as "not a checkpoint of this version" (the run restarts rather than
 * misreads).
 */
final class CheckpointBody {

    /** Where training stood at the end of an epoch, besides the weights. */
    record Position(LearningRateSchedule.State schedule, double lastFiniteLoss) {}

    private CheckpointBody() {}

    /** The body of the checkpoint after an epoch. */
    static Checkpoint.Body of(Position position, VggNet net, MomentumSgd optimizer) {
        return out -> {
            LearningRateSchedule.State state = position.schedule();
            out.writeFloat(state.learningRate());
            out.writeInt(state.decreases());
            out.writeDouble(state.bestValidationError());
            out.writeInt(state.epochsSinceBest());
            out.writeDouble(position.lastFiniteLoss());
            net.saveParameters(out);
            Map<String, String> namesById = new HashMap<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                namesById.put(p.getValue().getId(), p.getKey());
            }
            optimizer.saveState(out, namesById);
        };
    }

    /**
     * Reads a verified checkpoint back in the order {@link #of} wrote it. The three parts come
     * back at three moments of a resumed session (the position and weights before the trainer
     * exists, the momentum buffers once it has placed the parameters on their devices), so the
     * reader enforces the order instead of trusting its callers to match it.
     */
    static final class Reader {
        private final DataInputStream in;
        private final Path file;
        private int part;

        Reader(Checkpoint.Verified checkpoint) {
            this.in = checkpoint.open();
            this.file = checkpoint.file();
        }

        Position position() throws IOException {
            next(0, "the position");
            LearningRateSchedule.State state = new LearningRateSchedule.State(
                    in.readFloat(), in.readInt(), in.readDouble(), in.readInt());
            return new Position(state, in.readDouble());
        }

        void parametersInto(VggNet net, NDManager manager) throws IOException {
            next(1, "the parameters");
            try {
                net.loadParameters(manager, in);
            } catch (MalformedModelException e) {
                throw new IOException("checkpoint " + file + " holds unreadable parameters", e);
            }
        }

        void optimizerInto(MomentumSgd optimizer, VggNet net, NDManager manager) throws IOException {
            next(2, "the optimizer state");
            Map<String, String> idsByName = new HashMap<>();
            Map<String, Device> devicesById = new HashMap<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                idsByName.put(p.getKey(), p.getValue().getId());
                devicesById.put(p.getValue().getId(), p.getValue().getArray().getDevice());
            }
            optimizer.loadState(in, idsByName, devicesById, manager);
        }

        private void next(int expected, String what) {
            if (part != expected) {
                throw new IllegalStateException("checkpoint " + file + ": " + what + " read out of order");
            }
            part++;
        }
    }
}
