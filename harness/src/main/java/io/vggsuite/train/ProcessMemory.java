package io.vggsuite.train;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What this process holds: the JVM heap, the resident memory the kernel counts (heap, libtorch's
 * native tensors and everything else) and the NDArrays still open. A run's peak resident memory is
 * written into its provenance, so that a cluster job can ask for what a run of its size needs.
 *
 * @param heapUsedBytes live and not yet collected Java objects
 * @param heapCommittedBytes heap the JVM holds from the operating system
 * @param residentBytes VmRSS of /proc/self/status (empty where there is no /proc)
 * @param peakResidentBytes VmHWM: the most resident since the start or since {@link #resetPeak}
 * @param openArrays NDArrays not closed yet, in every manager of the engine
 */
public record ProcessMemory(long heapUsedBytes, long heapCommittedBytes, OptionalLong residentBytes,
        OptionalLong peakResidentBytes, int openArrays) {

    private static final Path STATUS = Path.of("/proc/self/status");
    /** Writing "5" resets VmHWM to the current VmRSS (Linux ≥ 4.0, proc(5)). */
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final long KIB = 1024;

    /** The process now. */
    public static ProcessMemory now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        List<String> status = status();
        return new ProcessMemory(heap.getUsed(), heap.getCommitted(), field(status, "VmRSS:"),
                field(status, "VmHWM:"), countOpenArrays());
    }

    /**
     * NDArrays open in any manager: every manager hangs below the engine's system manager, which
     * sees through its sub-managers ({@link BaseNDManager#getManagedArrays}).
     */
    public static int countOpenArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            NDManager system = probe.getParentManager();
            return system instanceof BaseNDManager base ? base.getManagedArrays().size() : 0;
        }
    }

    /**
     * Starts a new peak: after this, {@link #peakResidentBytes} is the most resident from now on.
     * Returns false where the kernel does not allow it (then the peak is the process's since its start).
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Mebibytes, rounded up: what a job's memory request is written in. */
    public static long mebibytes(long bytes) {
        return (bytes + KIB * KIB - 1) / (KIB * KIB);
    }

    private static List<String> status() {
        try {
            return Files.readAllLines(STATUS);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static OptionalLong field(List<String> status, String name) {
        for (String line : status) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(parts[0]) * KIB);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
