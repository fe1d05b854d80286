package io.vggsuite.cluster.slurm;

import io.vggsuite.cluster.Launcher;
import io.vggsuite.cluster.Resources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code sbatch} script: the resource requests as {@code #SBATCH} lines, the environment, and
 * one command. Dependencies are not in the script but on {@code sbatch}'s command line, so a
 * resubmitted run's script is the same file.
 *
 * @param jobName Slurm's job name; it carries the run id so {@code squeue} shows which run is which
 * @param log where the job's standard output and error go ({@code %j} is the job id)
 */
public record JobScript(String jobName, Resources resources, Path log, Map<String, String> environment,
        List<String> command) {

    /** Job names of this suite's runs: the prefix, then the run id. */
    public static final String RUN_PREFIX = "vgg-";

    public static String jobName(String runId) {
        return RUN_PREFIX + runId;
    }

    public String text() {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("#SBATCH --job-name=").append(jobName).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(resources.cpus()).append('\n');
        s.append("#SBATCH --ntasks=1\n");
        s.append("#SBATCH --mem=").append(resources.memoryMiB()).append("M\n");
        s.append("#SBATCH --time=").append(resources.slurmTime()).append('\n');
        if (resources.gpus() > 0) {
            s.append("#SBATCH --gres=gpu:").append(resources.gpus()).append('\n');
        }
        s.append("#SBATCH --output=").append(log).append('\n');
        // A resumed run appends to the log of its earlier attempts' job ids: each has its own file.
        s.append("#SBATCH --open-mode=append\n");
        s.append("set -euo pipefail\n");
        // PyTorch's OpenMP pool and the reproducible kernels' cap (Launcher.pinned).
        Launcher.pinned(resources).forEach((name, value) ->
                s.append("export ").append(name).append('=').append(quote(value)).append('\n'));
        for (Map.Entry<String, String> e : environment.entrySet()) {
            s.append("export ").append(e.getKey()).append('=').append(quote(e.getValue())).append('\n');
        }
        s.append("echo \"job ${SLURM_JOB_ID} on $(hostname) started $(date -u +%FT%TZ)\"\n");
        s.append("exec ").append(command.stream().map(JobScript::quote).collect(Collectors.joining(" "))).append('\n');
        return s.toString();
    }

    /** POSIX single quotes: nothing inside is expanded. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./=:,+@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
