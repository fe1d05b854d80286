package io.vggsuite.cluster.slurm;

import io.vggsuite.cluster.FinishStep;
import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.Launcher;
import io.vggsuite.cluster.Resources;
import io.vggsuite.cluster.RunJob;
import io.vggsuite.results.AtomicFiles;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A budget's grid on Slurm: one job per run, children depending ({@code afterok}) on their
 * parent's job, all against one shared results folder. Submitting is idempotent: a complete run
 * and a run whose job is queued or running are not submitted again; a run whose job failed, was
 * cancelled or pre-empted is, and resumes from its last checkpoint.
 */
public final class SlurmGrid {

    /** Subfolder of the budget's results folder with the job scripts and logs. */
    public static final String FOLDER = "slurm";

    /** What one submission did with one run. */
    public enum Action { SUBMITTED, ALREADY_QUEUED, COMPLETE, BLOCKED }

    /** One line of a submission: the run, what was done, its job id (absent when none). */
    public record Decision(String runId, Action action, Optional<String> jobId, List<String> afterOk) {}

    private final Grid grid;
    private final Path resultsParent;
    private final Path results;
    private final Resources resources;
    private final Launcher launcher;
    private final Slurm slurm;

    public SlurmGrid(Grid grid, Path resultsParent, Resources resources, Launcher launcher, Slurm slurm) {
        this.grid = grid;
        this.resultsParent = resultsParent.toAbsolutePath().normalize();
        this.results = RunJob.resultsOf(grid.budget(), this.resultsParent);
        this.resources = resources;
        this.launcher = launcher;
        this.slurm = slurm;
    }

    public Path results() {
        return results;
    }

    /** The job script of {@code spec}. */
    public JobScript script(RunSpec spec) {
        return new JobScript(JobScript.jobName(spec.runId()), resources,
                results.resolve(FOLDER).resolve(spec.runId() + "-%j.out"), launcher.environment(),
                launcher.trainCommand(resources, grid.budget(), resultsParent, spec.runId()));
    }

    /** The finishing job: evaluation, claims and report, once every run's job has succeeded. */
    public JobScript finishScript(Path projectRoot) {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "cd " + JobScript.quote(projectRoot.toAbsolutePath().normalize().toString()) + " && exec "
                        + String.join(" ", FinishStep.mavenCommand(grid.budget(), resultsParent).stream()
                                .map(JobScript::quote).toList())));
        // Maven and the report need more than one run: a JVM for Maven and one for the tests.
        Resources finish = resources.withGpus(0).withMemoryMiB(Math.max(resources.memoryMiB(), 8192))
                .withTimeLimit(Duration.ofHours(Math.max(1, resources.timeLimit().toHours())));
        return new JobScript(finishJobName(), finish, results.resolve(FOLDER).resolve("finish-%j.out"),
                launcher.environment(), command);
    }

    public String finishJobName() {
        return JobScript.RUN_PREFIX + "finish-" + grid.budget().name();
    }

    /**
     * Submits every run that is neither complete nor in the queue, parents first; with
     * {@code projectRoot} present, also the finishing job after all of them (when any was
     * submitted or is in the queue).
     */
    public List<Decision> submit(Optional<Path> projectRoot) {
        Map<String, Slurm.QueuedJob> queued = new HashMap<>();
        for (Slurm.QueuedJob job : slurm.queue()) {
            queued.put(job.name(), job);
        }
        Map<String, String> inFlight = new LinkedHashMap<>();
        List<Decision> decisions = new ArrayList<>();
        for (RunSpec spec : grid.runs()) {
            String runId = spec.runId();
            RunStatus status = RunFolder.at(results, runId).status();
            if (status != RunStatus.RUNNING) {
                decisions.add(new Decision(runId, Action.COMPLETE, Optional.empty(), List.of()));
                continue;
            }
            Slurm.QueuedJob job = queued.get(JobScript.jobName(runId));
            if (job != null) {
                inFlight.put(runId, job.jobId());
                decisions.add(new Decision(runId, Action.ALREADY_QUEUED, Optional.of(job.jobId()), List.of()));
                continue;
            }
            Optional<RunSpec> parent = spec.start().parent();
            List<String> afterOk = new ArrayList<>();
            if (parent.isPresent()) {
                RunStatus parentStatus = RunFolder.at(results, parent.get().runId()).status();
                if (parentStatus == RunStatus.DIVERGED) {
                    decisions.add(new Decision(runId, Action.BLOCKED, Optional.empty(), List.of()));
                    continue;
                }
                if (parentStatus != RunStatus.COMPLETE) {
                    afterOk.add(inFlight.get(parent.get().runId()));
                }
            }
            Path scriptFile = write(script(spec), runId + ".sbatch");
            String jobId = slurm.submit(scriptFile, afterOk);
            inFlight.put(runId, jobId);
            decisions.add(new Decision(runId, Action.SUBMITTED, Optional.of(jobId), afterOk));
        }
        if (projectRoot.isPresent() && !inFlight.isEmpty()) {
            JobScript finish = finishScript(projectRoot.get());
            Slurm.QueuedJob job = queued.get(finish.jobName());
            if (job != null) {
                // Its dependencies are the jobs of an earlier submission: replace it.
                slurm.cancel(job.jobId());
            }
            List<String> all = List.copyOf(inFlight.values());
            String jobId = slurm.submit(write(finish, "finish.sbatch"), all);
            decisions.add(new Decision(finish.jobName(), Action.SUBMITTED, Optional.of(jobId), all));
        }
        return decisions;
    }

    private Path write(JobScript script, String name) {
        Path file = results.resolve(FOLDER).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, out -> out.write(script.text()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the job script " + file, e);
        }
    }

    /** Where one run stands, from its folder and from Slurm. */
    public record RunState(String runId, State state, int epochsDone, int maxEpochs, Optional<String> jobId,
            String detail) {}

    public enum State { NOT_SUBMITTED, QUEUED, RUNNING, COMPLETE, DIVERGED, FAILED }

    /**
     * Each run's state: complete or diverged from its folder; queued or running (with the epoch)
     * from {@code squeue}; otherwise failed, with the reason from {@code sacct} when the cluster
     * keeps accounting, else from the last line of the run's newest job log.
     */
    public List<RunState> status() {
        Map<String, Slurm.QueuedJob> queued = new HashMap<>();
        for (Slurm.QueuedJob job : slurm.queue()) {
            queued.put(job.name(), job);
        }
        List<RunState> states = new ArrayList<>();
        for (RunSpec spec : grid.runs()) {
            String runId = spec.runId();
            RunFolder folder = RunFolder.at(results, runId);
            int epochs = folder.epochs().size();
            int max = spec.recipe().maxEpochs();
            RunStatus status = folder.status();
            Slurm.QueuedJob job = queued.get(JobScript.jobName(runId));
            if (status == RunStatus.COMPLETE) {
                states.add(new RunState(runId, State.COMPLETE, epochs, max, Optional.empty(), ""));
            } else if (status == RunStatus.DIVERGED) {
                states.add(new RunState(runId, State.DIVERGED, epochs, max, Optional.empty(),
                        "diverged in epoch " + folder.divergence().map(d -> d.epoch()).orElse(0)));
            } else if (job != null) {
                states.add(new RunState(runId, job.pending() ? State.QUEUED : State.RUNNING, epochs, max,
                        Optional.of(job.jobId()), job.pending() ? job.reason() : job.state()));
            } else {
                Optional<Path> log = newestLog(runId);
                if (log.isEmpty()) {
                    states.add(new RunState(runId, State.NOT_SUBMITTED, epochs, max, Optional.empty(), ""));
                } else {
                    String jobId = jobIdOf(log.get(), runId);
                    String reason = slurm.accounting(JobScript.jobName(runId))
                            .flatMap(jobs -> jobs.stream().filter(j -> j.jobId().equals(jobId)).findFirst())
                            .map(j -> j.state() + " (exit " + j.exitCode() + ")")
                            .orElseGet(() -> "job ended without completing the run; its log ends: "
                                    + lastLine(log.get()));
                    states.add(new RunState(runId, State.FAILED, epochs, max, Optional.of(jobId), reason));
                }
            }
        }
        return states;
    }

    private Optional<Path> newestLog(String runId) {
        Path dir = results.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(Pattern.quote(runId) + "-\\d+\\.out"))
                    .max(Comparator.comparingLong(p -> Long.parseLong(jobIdOf(p, runId))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String jobIdOf(Path log, String runId) {
        String name = log.getFileName().toString();
        return name.substring(runId.length() + 1, name.length() - ".out".length());
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
            return "(empty)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
