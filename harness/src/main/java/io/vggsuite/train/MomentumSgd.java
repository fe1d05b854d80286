package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mini-batch SGD with momentum and weight decay (Section 3.1), on the engine's fused update like
 * DJL's own {@code Sgd}, but with two things a resumable trainer needs: the learning rate is set
 * by the schedule once per epoch, and the momentum buffers can be saved and restored by parameter
 * name, so a run resumed from a checkpoint continues exactly where it stopped.
 */
final class MomentumSgd extends Optimizer {

    private final float momentum;
    private final Map<String, Map<Device, NDArray>> velocity = new ConcurrentHashMap<>();
    private volatile float learningRate;

    MomentumSgd(float learningRate, float momentum, float weightDecay) {
        super(new Builder().optWeightDecays(weightDecay).setRescaleGrad(1f));
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    float learningRate() {
        return learningRate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray state = withDefaultState(velocity, parameterId, weight.getDevice(), k -> weight.zerosLike());
        weight.getNDArrayInternal().sgdUpdate(
                new NDList(weight, grad, state),
                new NDList(weight),
                learningRate,
                getWeightDecay(),
                rescaleGrad,
                clipGrad,
                momentum,
                true);
    }

    /** Writes the first device's buffer of every parameter, keyed by {@code names.get(id)}. */
    void saveState(DataOutputStream out, Map<String, String> namesById) throws IOException {
        Map<String, NDArray> byName = new TreeMap<>();
        velocity.forEach((id, perDevice) -> byName.put(namesById.get(id), perDevice.values().iterator().next()));
        out.writeInt(byName.size());
        for (Map.Entry<String, NDArray> entry : byName.entrySet()) {
            out.writeUTF(entry.getKey());
            byte[] encoded = entry.getValue().encode();
            out.writeInt(encoded.length);
            out.write(encoded);
        }
    }

    /** Restores buffers written by {@link #saveState}, onto the device of each parameter. */
    void loadState(DataInputStream in, Map<String, String> idsByName, Map<String, Device> devicesById,
            NDManager manager) throws IOException {
        velocity.clear();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            byte[] encoded = new byte[in.readInt()];
            in.readFully(encoded);
            String id = idsByName.get(name);
            if (id == null) {
                throw new IOException("checkpoint has optimizer state for unknown parameter '" + name + "'");
            }
            // Left on the model's manager (not detached), so it is freed when the run's model closes.
            NDArray state = NDArray.decode(manager, encoded).toDevice(devicesById.get(id), false);
            Map<Device, NDArray> perDevice = new ConcurrentHashMap<>();
            perDevice.put(state.getDevice(), state);
            velocity.put(id, perDevice);
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
