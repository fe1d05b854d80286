package io.vggsuite.train;

import java.util.Map;

/**
 * glibc malloc settings for every JVM that trains, which libtorch's CPU tensors are allocated by.
 * glibc serves an allocation above its mmap threshold (128 KiB at start, raised as such blocks are
 * freed) with a fresh mapping, and returns the top of its heap to the kernel once more than its trim
 * threshold is free there. A training step allocates and frees activations of megabytes (D at width
 * 1/8, batch 256: 8 MB for conv1's output alone), so without these settings the step keeps mapping
 * and faulting in fresh zeroed pages: measured on D of cifar10-converged (AMD EPYC, 2 cores, one
 * process of 2 threads, fed by its input pipeline, a 20 s window after 10 s, 2026-12-07), 1,207
 * images/s with 15.7 s of 34 s spent in the kernel and 2.35 M minor page faults; with them 2,435
 * images/s, 3.2 s in the kernel and 0.40 M faults, for a peak resident set of 1.68 GB against 1.22.
 * The long runs of the campaign (D: median 2,274 images/s over 23 epochs) had reached most of that
 * on their own as glibc raised its threshold; the first epochs of a JVM and short runs had not.
 *
 * <p>The values: the largest mmap threshold glibc accepts (32 MiB, above every activation of the
 * CIFAR budgets), a trim threshold of 1 GiB and a top pad of 256 MiB, so that freed memory is
 * reused rather than returned and faulted in again. They change where memory comes from, not what
 * is computed: the smoke grid trained with and without them gave byte-identical weights
 * (docs/benchmarks.md). glibc reads them when the process starts, so a launcher sets them in the
 * child's environment ({@code cluster}'s {@code Launcher.pinned}, the build's test JVMs); a JVM
 * already running cannot take them.
 */
public final class AllocatorTuning {

    /** The variable glibc reads its tunables from at start-up. */
    public static final String VARIABLE = "GLIBC_TUNABLES";
    /** Its value: mmap threshold 32 MiB, trim threshold 1 GiB, top pad 256 MiB. */
    public static final String VALUE = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824"
            + ":glibc.malloc.top_pad=268435456";
    /** What every JVM that trains should have in its environment. */
    public static final Map<String, String> ENVIRONMENT = Map.of(VARIABLE, VALUE);

    private AllocatorTuning() {}
}
