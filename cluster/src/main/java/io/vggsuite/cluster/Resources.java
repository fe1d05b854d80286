package io.vggsuite.cluster;

import io.vggsuite.ablation.Budget;
import java.time.Duration;

/**
 * What one run of a budget asks a scheduler for.
 *
 * @param cpus CPU cores; also the size of PyTorch's intra-op thread pool in the job, so that a
 *     run's numbers do not depend on the node it lands on (the order of float reductions does
 *     depend on the thread count)
 * @param memoryMiB memory for the whole job; the JVM's heap gets three quarters of it
 * @param gpus GPUs ({@code --gres=gpu:N}); 0 on CPU budgets
 * @param timeLimit wall-time limit of one job (a pre-empted or timed-out run resumes from its
 *     last checkpoint when resubmitted)
 */
public record Resources(int cpus, int memoryMiB, int gpus, Duration timeLimit) {

    public Resources {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be >= 1, got " + cpus);
        }
        if (memoryMiB < 512) {
            throw new IllegalArgumentException("memory must be >= 512 MiB, got " + memoryMiB);
        }
        if (gpus < 0) {
            throw new IllegalArgumentException("gpus must be >= 0, got " + gpus);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
    }

    /**
     * Sized from the measured wall times of the table in docs/budgets.md: a smoke run takes
     * seconds in ~1 GiB of heap, a quick run minutes, a full run hours; ImageNet asks for a GPU.
     */
    public static Resources forBudget(Budget budget) {
        return switch (budget.name()) {
            case "smoke" -> new Resources(2, 3072, 0, Duration.ofMinutes(20));
            case "quick" -> new Resources(2, 6144, 0, Duration.ofHours(2));
            case "cifar10-reference" -> new Resources(2, 6144, 0, Duration.ofHours(4));
            // A converged run trains up to 2.5× the reference's epochs (the plateau rule's cap).
            case "cifar10-converged" -> new Resources(2, 6144, 0, Duration.ofHours(8));
            case "full" -> new Resources(4, 12288, 0, Duration.ofHours(24));
            default -> new Resources(8, 65536, 1, Duration.ofHours(72));
        };
    }

    public Resources withCpus(int other) {
        return new Resources(other, memoryMiB, gpus, timeLimit);
    }

    public Resources withMemoryMiB(int other) {
        return new Resources(cpus, other, gpus, timeLimit);
    }

    public Resources withGpus(int other) {
        return new Resources(cpus, memoryMiB, other, timeLimit);
    }

    public Resources withTimeLimit(Duration other) {
        return new Resources(cpus, memoryMiB, gpus, other);
    }

    /** The JVM's maximum heap: three quarters of the job's memory, the rest for PyTorch's natives. */
    public int heapMiB() {
        return memoryMiB * 3 / 4;
    }

    /** Slurm's {@code --time} format, D-HH:MM:SS. */
    public String slurmTime() {
        long seconds = timeLimit.toSeconds();
        return String.format(java.util.Locale.ROOT, "%d-%02d:%02d:%02d", seconds / 86400, seconds / 3600 % 24,
                seconds / 60 % 60, seconds % 60);
    }
}
