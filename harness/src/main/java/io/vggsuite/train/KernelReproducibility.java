package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;

/**
 * Keeps one seed giving one set of numbers on a CPU whose fastest convolution kernel does not.
 *
 * <p>On CPUs with AVX-512, PyTorch 2.7.1 (oneDNN 3.7.1) computes the gradient with respect to a
 * convolution's input with its {@code jit:avx512_core} backward-data kernel. Where a layer has
 * fewer than 16 channels (oneDNN's blocked layout pads them to 16) that kernel returned different
 * values, by O(1) and sometimes NaN, for identical calls on an Intel Xeon with two threads
 * (2026-12-01): padding read as if it were data, not rounding. The suite's smoke nets (width 1/8:
 * 8-channel layers) then trained differently in one process and across processes, and some
 * "diverged". The same calls were bit-identical on an AMD EPYC (Zen 4) with the same kernel, and
 * everywhere with oneDNN capped at AVX2 kernels. The cap is an environment variable that libtorch
 * reads once, when it loads, so it must be set before the JVM starts: the build sets it for every
 * test and benchmark JVM (root {@code pom.xml}, property {@code onednn.max.cpu.isa}), and the
 * cluster's job scripts and manifests take {@link #ENVIRONMENT}. It costs throughput: 20–25% for
 * nets A and D at width 1/4 on the AMD machine (README, "Determinism").
 *
 * <p>{@link #requireReproducible()} is the guard for a JVM started some other way: before the
 * first run trains, it repeats a few of the affected convolutions and refuses to train, naming the
 * variable, if any input gradient differs between identical calls.
 */
public final class KernelReproducibility {

    /** oneDNN's cap on the instruction sets its kernels may use. */
    public static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";
    /** The largest cap under which every probed convolution was reproducible. */
    public static final String VALUE = "AVX2";
    /** What every JVM that trains should have in its environment. */
    public static final Map<String, String> ENVIRONMENT = Map.of(VARIABLE, VALUE);

    /** A 3×3 convolution, padding 1, of a square input: the shapes that differed on the Intel machine. */
    private record Probe(int batch, int inChannels, int outChannels, int side) {}

    private static final List<Probe> PROBES = List.of(
            new Probe(32, 8, 8, 32), new Probe(64, 4, 4, 32), new Probe(64, 16, 8, 16));
    private static final int REPEATS = 8;

    private static Boolean reproducible;

    private KernelReproducibility() {}

    /**
     * Whether repeated identical 3×3 convolutions give bit-identical input gradients on the CPU,
     * probed once per JVM (a few milliseconds). GPUs are not probed: this is about oneDNN.
     */
    public static synchronized boolean convolutionBackwardIsReproducible() {
        if (reproducible == null) {
            reproducible = PROBES.stream().allMatch(KernelReproducibility::reproducibleFor);
        }
        return reproducible;
    }

    /** Throws, naming the variable to set, when the CPU's convolution backward is not reproducible. */
    public static void requireReproducible() {
        if (!Devices.primary().equals(Device.cpu()) || convolutionBackwardIsReproducible()) {
            return;
        }
        throw new IllegalStateException("this CPU's oneDNN convolution kernels give different gradients for "
                + "identical inputs (" + VARIABLE + "=" + System.getenv().getOrDefault(VARIABLE, "unset")
                + "), so one seed would not give one result; start the JVM with " + VARIABLE + "=" + VALUE
                + " (the build and the cluster scripts set it; README, \"Determinism\")");
    }

    private static boolean reproducibleFor(Probe probe) {
        Engine engine = Engine.getInstance();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // Values from sin, not the engine's generator: reseeding or drawing from it here would
            // change the random stream of the run that follows (a resumed run then differed from
            // one that was never interrupted: KillNineTest).
            NDArray input = varied(manager, new Shape(probe.batch(), probe.inChannels(), probe.side(), probe.side()));
            NDArray weight = varied(manager, new Shape(probe.outChannels(), probe.inChannels(), 3, 3)).mul(0.1f);
            NDArray first = null;
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                NDArray gradient = inputGradient(engine, input, weight);
                if (first == null) {
                    first = gradient;
                } else if (!first.contentEquals(gradient)) { // NaN never equals itself: caught too
                    return false;
                }
            }
            return true;
        }
    }

    /** Deterministic values of both signs that do not repeat within the array: sin(i · 0.7). */
    private static NDArray varied(NDManager manager, Shape shape) {
        return manager.arange((int) shape.size()).toType(DataType.FLOAT32, false)
                .mul(0.7f).sin().reshape(shape);
    }

    /** d(Σ y²)/dx for y = conv3×3(x, w), padding 1, on fresh copies so no gradient accumulates. */
    private static NDArray inputGradient(Engine engine, NDArray input, NDArray weight) {
        NDArray x = input.duplicate();
        NDArray w = weight.duplicate();
        x.setRequiresGradient(true);
        w.setRequiresGradient(true);
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1))
                    .singletonOrThrow();
            collector.backward(y.mul(y).sum());
        }
        return x.getGradient().duplicate();
    }
}
