package io.vggsuite.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggNet;
import io.vggsuite.results.Divergence;
import io.vggsuite.results.RunFolder;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run that has finished training, freshly or from the cache, or that diverged.
 *
 * @param spec what was trained
 * @param folder where its results live
 * @param outcome how this process got it
 * @param divergence present when the loss became NaN or infinite
 */
public record TrainedRun(RunSpec spec, RunFolder folder, Outcome outcome, Optional<Divergence> divergence) {

    /** The trained parameters of a completed run. */
    static final String MODEL_FILE = "model.params";

    public enum Outcome { TRAINED, CACHED, DIVERGED }

    public boolean diverged() {
        return divergence.isPresent();
    }

    Path modelFile() {
        return folder.dir().resolve(MODEL_FILE);
    }

    /** The trained net, its parameters on {@code manager}'s device. */
    public VggNet load(NDManager manager) throws IOException {
        if (diverged()) {
            throw new IllegalStateException("run " + spec.runId() + " diverged at epoch "
                    + divergence.get().epoch() + "; it has no trained model");
        }
        VggNet net = VggBuilder.build(spec.model());
        net.initialize(manager, DataType.FLOAT32, inputShape(spec));
        try (InputStream file = Files.newInputStream(modelFile());
                DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
            net.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException("trained model " + modelFile() + " is unreadable: " + e.getMessage(), e);
        }
        return net;
    }

    static Shape inputShape(RunSpec spec) {
        int crop = spec.model().cropSize();
        return new Shape(1, spec.model().inputChannels(), crop, crop);
    }
}
