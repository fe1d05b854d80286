package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import io.vggsuite.model.Layer;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.ProvenanceKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.function.BooleanSupplier;

/**
 * Keeps one seed giving one set of numbers on a CPU whose fastest convolution kernel does not.
 *
 * <p>On CPUs with AVX-512, PyTorch 2.7.1 (oneDNN 3.7.1) computes the gradient with respect to a
 * convolution's input with its {@code jit:avx512_core} backward-data kernel. Where a layer has
 * fewer than 16 channels (oneDNN's blocked layout pads them to 16) that kernel returned different
 * values, by O(1) and sometimes NaN, for identical calls on an Intel Xeon with two threads
 * (2026-12-01): padding read as if it were data, not rounding. The suite's smoke nets (width 1/8:
 * 8-channel layers) then trained differently in one process and across processes, and some
 * "diverged". The same calls were bit-identical on one AMD EPYC (Zen 4) with the same kernel
 * (2026-12-01) and differed in 40 of 40 fresh JVMs on another (2026-12-02); with oneDNN capped at
 * AVX2 kernels they were reproducible on all of them, but for the rare event below. The cap is an
 * environment variable that libtorch reads once, when it loads, so it must be set before the JVM
 * starts: the build sets it for every test and benchmark JVM (root {@code pom.xml}, property {@code onednn.max.cpu.isa}), and the
 * cluster's job scripts and manifests take {@link #ENVIRONMENT}. It costs throughput: 20–25% for
 * nets A and D at width 1/4 on the AMD machine (docs/determinism.md).
 *
 * <p>{@link #requireReproducible(VggSpec)} is the guard for a JVM started some other way: before the
 * first run trains, it repeats a few of the affected convolutions and refuses to train, naming the
 * variable, if the input gradients differ between identical calls <em>and keep differing</em>.
 * A difference that does not recur when the probe is repeated is reported on stderr and the run
 * goes on. With the cap on an AMD EPYC, 2 of 40 fresh JVMs started while another process trained
 * on the same two cores saw one call differ (2026-12-02); none of 66 did that day on an idle
 * machine, beside a busy loop or beside another probing JVM. Whether such an event also strikes
 * training calls is not known; if it does, refusing the one process whose probe happened to see it
 * protects none of the others. Refusing it did stop work: it is the likeliest reason a Slurm job of
 * the cluster's CI test ended without training (SlurmGridIT, 2026-12-02). What checks
 * reproducibility end to end are the tests that compare whole runs across processes (KillNineTest,
 * TwoProcessesTest, SlurmGridIT). The AVX-512 fault above differed on every call, so it still stops.
 *
 * <p>Under the cap, layers of fewer than {@value #AVX2_BLOCK} channels have a fault of their own:
 * the AVX2 backward-data kernel pads them to its 8-wide blocks and reads that padding unwritten, so
 * a NaN left there by earlier work comes back as a NaN gradient (a 4-channel convolution: 9 of
 * 5,046 calls with two threads, 0 of 4,158 with glibc zero-filling fresh memory; AMD EPYC,
 * 2026-12-06; docs/determinism.md). A net with such a layer is refused on the CPU, always, naming
 * its width ({@link #requireReproducible(VggSpec)}). Until 2026-12-07 it was refused only when a
 * probe of its narrowest shape kept differing, so whether it trained depended on what the
 * process's allocator handed out: a CLI test at width 1/16 that had passed for weeks was refused
 * in CI. The probe is still run for every net at 8 and 16 channels; probing 4 channels for every
 * net refused a Slurm job of SlurmGridIT training D at width 1/8 (CI, 2026-12-06).
 */
public final class KernelReproducibility {

    /** oneDNN's cap on the instruction sets its kernels may use; a run's provenance records its value. */
    public static final String VARIABLE = ProvenanceKeys.ONEDNN_MAX_CPU_ISA_VARIABLE;
    /** The largest cap under which every probed convolution was reproducible. */
    public static final String VALUE = "AVX2";
    /** What every JVM that trains should have in its environment. */
    public static final Map<String, String> ENVIRONMENT = Map.of(VARIABLE, VALUE);

    /** oneDNN's AVX2 kernels work on blocks of 8 channels; a layer with fewer is padded to 8. */
    public static final int AVX2_BLOCK = 8;

    /** A 3×3 convolution, padding 1, of a square input. */
    private record Probe(int batch, int inChannels, int outChannels, int side) {}

    /** Probed for every net: the 8- and 16-channel shapes whose AVX-512 kernel differed on every call (Intel Xeon). */
    private static final List<Probe> ALWAYS = List.of(new Probe(32, 8, 8, 32), new Probe(64, 16, 8, 16));
    private static final int REPEATS = 8;
    /** Extra passes over every probe after a difference, to tell a fault that recurs from a rare one. */
    static final int RECHECKS = 3;

    /** What the probe found in this JVM. */
    public enum Verdict {
        /** Every repeated call gave bit-identical gradients. */
        REPRODUCIBLE,
        /** One pass saw a difference and {@link #RECHECKS} further passes saw none: reported, not refused. */
        DIFFERED_ONCE,
        /** Differences recurred: one seed cannot give one result in this JVM. */
        NOT_REPRODUCIBLE
    }

    /** The first difference a pass saw, for the message: probe shape and largest |difference|. */
    private record Difference(Probe probe, float largest) {
        @Override
        public String toString() {
            return "3x3 convolution of " + probe.batch() + "x" + probe.inChannels() + "x" + probe.side() + "x"
                    + probe.side() + " into " + probe.outChannels() + " channels, largest |difference| " + largest;
        }
    }

    /** What a set of probes found, with the first difference it saw (for the message). */
    private record Finding(Verdict verdict, Optional<Difference> firstDifference) {}

    /** What {@link #ALWAYS} found in this JVM: probed once. */
    private static Finding finding;

    private KernelReproducibility() {}

    /**
     * What repeated identical 3×3 convolutions give for the input gradient on the CPU, for nets
     * whose every layer has at least {@value #AVX2_BLOCK} channels (all of the suite's budgets),
     * probed once per JVM (a few milliseconds; a few more when a pass differs). GPUs are not
     * probed: this is about oneDNN.
     */
    public static Verdict verdict() {
        return finding().verdict();
    }

    /**
     * The channels of {@code model}'s narrowest convolution when that is below {@value #AVX2_BLOCK},
     * else 0. Every convolution counts: each one's output is the next one's input, whose gradient
     * oneDNN computes (conv1's own input, the image, takes none).
     */
    static int narrowPaddedLayer(VggSpec model) {
        int narrowest = model.config().layers().stream()
                .flatMap(layer -> layer instanceof Layer.Conv conv ? Stream.of(conv) : Stream.empty())
                .mapToInt(conv -> model.scaledFilters(conv.filters()))
                .min().orElse(AVX2_BLOCK);
        return narrowest < AVX2_BLOCK ? narrowest : 0;
    }

    private static synchronized Finding finding() {
        if (finding != null) {
            return finding;
        }
        Difference[] first = new Difference[1];
        Verdict verdict = judge(() -> {
            Optional<Difference> difference = pass(ALWAYS);
            if (first[0] == null) {
                first[0] = difference.orElse(null);
            }
            return difference.isPresent();
        });
        finding = new Finding(verdict, Optional.ofNullable(first[0]));
        if (verdict == Verdict.DIFFERED_ONCE) {
            System.err.println("warning: one of oneDNN's convolution input gradients differed between "
                    + "identical calls once and not in " + RECHECKS + " further passes ("
                    + finding.firstDifference().orElseThrow() + ", " + VARIABLE + "="
                    + System.getenv().getOrDefault(VARIABLE, "unset") + "); training goes on "
                    + "(docs/determinism.md)");
        }
        return finding;
    }

    /** The rule: a first pass that differs is repeated {@link #RECHECKS} times, and refused if any differs again. */
    static Verdict judge(BooleanSupplier passDiffers) {
        if (!passDiffers.getAsBoolean()) {
            return Verdict.REPRODUCIBLE;
        }
        for (int recheck = 0; recheck < RECHECKS; recheck++) {
            if (passDiffers.getAsBoolean()) {
                return Verdict.NOT_REPRODUCIBLE;
            }
        }
        return Verdict.DIFFERED_ONCE;
    }

    /** Whether this JVM may train nets of {@value #AVX2_BLOCK} channels or more: no difference, or one that did not recur. */
    public static boolean convolutionBackwardIsReproducible() {
        return verdict() != Verdict.NOT_REPRODUCIBLE;
    }

    /**
     * Throws, naming what to change, when {@code model} cannot give one result per seed on this
     * CPU: a layer narrower than {@value #AVX2_BLOCK} channels (the width to choose), or a
     * convolution backward that keeps differing between identical calls (the variable to set).
     */
    public static void requireReproducible(VggSpec model) {
        if (!Devices.primary().equals(Device.cpu())) {
            return;
        }
        int narrowChannels = narrowPaddedLayer(model);
        if (narrowChannels > 0) {
            throw new IllegalStateException("the net's narrowest convolution has " + narrowChannels
                    + " channels (width " + VggSpec.widthLabel(model.width()) + "), which oneDNN's CPU kernels pad to "
                    + "their blocks of " + AVX2_BLOCK + " or more and read unwritten, so a NaN left in that memory"
                    + " can become a gradient and one seed would not give one result; choose a width that gives"
                    + " every convolution at least " + AVX2_BLOCK + " channels (1/8 or more; docs/determinism.md)");
        }
        Finding found = finding();
        if (found.verdict() != Verdict.NOT_REPRODUCIBLE) {
            return;
        }
        throw new IllegalStateException("this CPU's oneDNN convolution kernels give different gradients for identical"
                + " inputs (" + found.firstDifference().map(Difference::toString).orElse("") + "; " + VARIABLE + "="
                + System.getenv().getOrDefault(VARIABLE, "unset") + "), so one seed would not give one result; start"
                + " the JVM with " + VARIABLE + "=" + VALUE + " (the build and the cluster scripts set it;"
                + " docs/determinism.md)");
    }

    /** One pass over every probe; the first difference it saw, if any. */
    private static Optional<Difference> pass(List<Probe> probes) {
        for (Probe probe : probes) {
            Optional<Difference> difference = differenceFor(probe);
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    private static Optional<Difference> differenceFor(Probe probe) {
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
                    return Optional.of(new Difference(probe, first.sub(gradient).abs().max().getFloat()));
                }
            }
            return Optional.empty();
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
