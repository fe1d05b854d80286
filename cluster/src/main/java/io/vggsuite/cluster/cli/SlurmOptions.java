package io.vggsuite.cluster.cli;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Resources;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Resource overrides and the jar the jobs run; defaults come from the budget. */
final class SlurmOptions {

    @Option(names = "--cpus", description = "CPUs per run (also PyTorch's thread count); default: the budget's.")
    Integer cpus;

    @Option(names = "--mem-mib", description = "Memory per run in MiB; default: the budget's.")
    Integer memoryMiB;

    @Option(names = "--gpus", description = "GPUs per run (--gres=gpu:N); default: the budget's.")
    Integer gpus;

    @Option(names = "--time-minutes", description = "Time limit of one job in minutes; default: the budget's.")
    Long minutes;

    @Option(names = "--jar", description = "The cluster jar the jobs run; default: this one.")
    Path jar;

    Resources resources(Budget budget) {
        Resources r = Resources.forBudget(budget);
        if (cpus != null) {
            r = r.withCpus(cpus);
        }
        if (memoryMiB != null) {
            r = r.withMemoryMiB(memoryMiB);
        }
        if (gpus != null) {
            r = r.withGpus(gpus);
        }
        if (minutes != null) {
            r = r.withTimeLimit(Duration.ofMinutes(minutes));
        }
        return r;
    }

    /** The jar this JVM runs from, unless {@code --jar} says otherwise. */
    Path jar() {
        return jarOr(jar);
    }

    /** {@code given}, or the jar this JVM runs from where none was given. */
    static Path jarOr(Path given) {
        if (given != null) {
            return given;
        }
        String classPath = System.getProperty("java.class.path");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            throw new IllegalArgumentException("--jar: not started with java -jar (class path " + classPath
                    + "); give the cluster jar the jobs should run");
        }
        return Path.of(classPath);
    }
}
