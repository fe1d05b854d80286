package io.vggsuite.cluster.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a machine's cores are split between runs: {@code processes} runs at once, each with
 * {@code threads} PyTorch intra-op threads. The thread count is part of a run's numbers (the order
 * of float reductions depends on it), so a run trained side by side equals the same run trained
 * alone with the same thread count, not one trained alone with all the cores.
 */
public record Layout(int processes, int threads) {

    public Layout {
        if (processes < 1) {
            throw new IllegalArgumentException("--processes must be at least 1, got " + processes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
    }

    /** One run at a time on every core: what the experiments' Maven build does. */
    public static Layout oneAtATime(int cores) {
        return new Layout(1, cores);
    }

    /**
     * The layouts worth measuring on {@code cores} cores: one run on all of them first (the default
     * a measurement must beat), then every split into equal parts of whole cores, down to one core each.
     */
    public static List<Layout> candidates(int cores) {
        List<Layout> layouts = new ArrayList<>();
        for (int processes = 1; processes <= cores; processes++) {
            if (cores % processes == 0) {
                layouts.add(new Layout(processes, cores / processes));
            }
        }
        return layouts;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d process%s × %d thread%s", processes, processes == 1 ? "" : "es",
                threads, threads == 1 ? "" : "s");
    }
}
