package io.vggsuite.testing;

import io.vggsuite.train.KernelReproducibility;

/**
 * The width of the nets that the harness's tests train: 1/8, the narrowest whose every convolution
 * has {@value KernelReproducibility#AVX2_BLOCK} channels or more (net A's first layer: 64 / 8).
 *
 * <p>At 1/16 the 4-channel layers take their input gradient from oneDNN's AVX2 kernel, which pads
 * them to 8 and reads the padding unwritten, and the trainer's guard probes that shape and refuses
 * the net when the probe's gradients keep differing ({@code KernelReproducibility}). Whether it does
 * depends on what earlier work left in freed memory: a child JVM of {@code ResumeAfterKillTest}
 * was refused on an AMD EPYC in CI (2026-12-07) after passing for weeks, so a test that trains at
 * 1/16 can fail on any machine, any day.
 */
public final class TinyNets {

    /** Width as a fraction of the paper's channels. */
    public static final double WIDTH = 1.0 / 8;
    /** The same, as the CLI's {@code --width} takes it. */
    public static final String WIDTH_ARGUMENT = "0.125";

    private TinyNets() {}
}
