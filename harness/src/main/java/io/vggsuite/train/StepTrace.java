package io.vggsuite.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A fingerprint of every SGD step, for finding where two processes that should train alike part
 * (docs/determinism.md). With {@code -Dvggsuite.stepTrace=true} a run appends to
 * {@value #FILE} in its folder, per step, one line with the bits of the loss and a hash of the
 * input batch and of the class scores, one with a hash of every parameter's gradient before the
 * update, and one with a hash of every parameter after it, each line headed by epoch and batch. Two
 * processes' files then name the first step, and within it the first tensor, that differ: since
 * gradients flow from the loss back to the input, the first layer whose gradient differs while
 * the forward pass and every later layer agree is where the difference entered. A replayed epoch
 * ({@link LossReplay}) appears again under its own numbers. Off by default: it copies every
 * gradient to the JVM each step.
 */
final class StepTrace implements Closeable {

    /** The system property that turns the trace on. */
    static final String PROPERTY = "vggsuite.stepTrace";
    /** The trace's file in a run's folder. */
    static final String FILE = "steps.trace";

    /** No trace: every run unless {@value #PROPERTY} is set. */
    static final StepTrace OFF = new StepTrace(null);

    private final BufferedWriter out;
    private String step = "";

    private StepTrace(BufferedWriter out) {
        this.out = out;
    }

    /** The trace {@value #PROPERTY} asks for: appended to {@value #FILE} in {@code runFolder}, or off. */
    static StepTrace forRun(Path runFolder) {
        return Boolean.getBoolean(PROPERTY) ? to(runFolder.resolve(FILE)) : OFF;
    }

    /** A trace appended to {@code file}. */
    static StepTrace to(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new StepTrace(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the step trace " + file + " (-D" + PROPERTY + ")", e);
        }
    }

    boolean enabled() {
        return out != null;
    }

    /** The step the next lines belong to; {@code batch} counts from 0 within the epoch. */
    void at(int epoch, int batch) {
        step = "epoch " + epoch + " batch " + batch;
    }

    /** The forward pass and loss of one step, before the update. */
    void forward(NDArray images, NDArray scores, NDArray loss) {
        if (out != null) {
            write(step + " forward images=" + hash(images) + " scores=" + hash(scores) + " loss="
                    + Integer.toHexString(Float.floatToRawIntBits(loss.getFloat())));
        }
    }

    /** Every parameter's gradient before the update. */
    void gradients(Trainer trainer) {
        parameters(trainer, "gradients", true);
    }

    /** Every parameter after the update. */
    void weights(Trainer trainer) {
        parameters(trainer, "weights", false);
    }

    private void parameters(Trainer trainer, String what, boolean gradient) {
        if (out == null) {
            return;
        }
        StringBuilder line = new StringBuilder(step).append(' ').append(what);
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            NDArray array = p.getValue().getArray();
            line.append(' ').append(p.getKey()).append('=').append(hash(gradient ? array.getGradient() : array));
        }
        write(line.toString());
    }

    /** A hash of the array's raw bits: equal arrays hash alike, and a NaN's payload counts. */
    private static String hash(NDArray array) {
        float[] values = array.toFloatArray();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return Integer.toHexString(Arrays.hashCode(bits));
    }

    private void write(String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the step trace", e);
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the step trace", e);
            }
        }
    }
}
