package io.vggsuite.cluster.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Slurm's commands, each run as a process; an error exit becomes a {@link SlurmException} with its output. */
public final class Slurm {

    /** Generous: slurmctld answers in milliseconds, but a busy controller may take seconds. */
    private static final long TIMEOUT_SECONDS = 60;

    /** A job in {@code squeue}: pending, running or completing. */
    public record QueuedJob(String jobId, String name, String state, String reason) {
        public boolean pending() {
            return state.equals("PENDING");
        }
    }

    /** A finished job as {@code sacct} reports it. */
    public record AccountedJob(String jobId, String name, String state, String exitCode, String start, String end) {}

    private final String user;

    public Slurm(String user) {
        this.user = user;
    }

    public static Slurm forCurrentUser() {
        return new Slurm(System.getProperty("user.name"));
    }

    /** Whether {@code sbatch} and {@code squeue} run and a controller answers; the reason when not. */
    public static Optional<String> unavailableReason() {
        try {
            Result result = run(List.of("squeue", "--noheader", "--format=%i"));
            return result.status() == 0 ? Optional.empty()
                    : Optional.of("squeue failed (" + result.status() + "): " + result.output().strip());
        } catch (SlurmException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Submits {@code script}; returns the job id.
     *
     * @param afterOk job ids that must complete successfully first; a job whose dependency fails
     *     is cancelled by Slurm (so that the next submission sees it gone and submits it again)
     */
    public String submit(Path script, List<String> afterOk) {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable", "--kill-on-invalid-dep=yes"));
        if (!afterOk.isEmpty()) {
            command.add("--dependency=afterok:" + String.join(":", afterOk));
        }
        command.add(script.toString());
        String out = check(command).strip();
        // --parsable prints "jobid" or "jobid;cluster".
        String jobId = out.split(";", 2)[0];
        if (!jobId.matches("\\d+")) {
            throw new SlurmException("sbatch " + script + " printed '" + out + "', expected a job id");
        }
        return jobId;
    }

    /** This user's jobs in the queue. */
    public List<QueuedJob> queue() {
        String out = check(List.of("squeue", "--noheader", "--user=" + user, "--format=%i|%j|%T|%r"));
        List<QueuedJob> jobs = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length == 4) {
                jobs.add(new QueuedJob(f[0], f[1], f[2], f[3]));
            }
        }
        return jobs;
    }

    /**
     * The accounting records of the jobs called {@code name}, oldest first; empty when the
     * cluster keeps no accounting ({@code sacct} then says "accounting storage is disabled").
     */
    public Optional<List<AccountedJob>> accounting(String name) {
        Result result = run(List.of("sacct", "--noheader", "--parsable2", "--allocations", "--user=" + user,
                "--name=" + name, "--format=JobID,JobName,State,ExitCode,Start,End"));
        if (result.status() != 0 || result.output().toLowerCase(Locale.ROOT).contains("disabled")) {
            return Optional.empty();
        }
        List<AccountedJob> jobs = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length == 6) {
                jobs.add(new AccountedJob(f[0], f[1], f[2], f[3], f[4], f[5]));
            }
        }
        return Optional.of(jobs);
    }

    public void cancel(String jobId) {
        check(List.of("scancel", jobId));
    }

    private static String check(List<String> command) {
        Result result = run(command);
        if (result.status() != 0) {
            throw new SlurmException(String.join(" ", command) + " exited with " + result.status() + ": "
                    + result.output().strip());
        }
        return result.output();
    }

    private record Result(int status, String output) {}

    private static Result run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process process = builder.start();
            byte[] bytes = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SlurmException(String.join(" ", command) + " did not answer within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SlurmException("cannot run " + command.get(0) + " (is Slurm installed and on the PATH?): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
