package io.vggsuite.cluster.slurm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.Launcher;
import io.vggsuite.cluster.Resources;
import io.vggsuite.cluster.RunJob;
import io.vggsuite.cluster.TestFolders;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;

/**
 * The smoke grid on a real Slurm (Debian's slurm-wlm; {@code .ci/slurm-up.sh} starts a one-node
 * cluster): trained locally in this JVM, then submitted as one job per run, one of which is
 * cancelled mid-run and resubmitted. The tests run in order on that one submission, so the grid
 * is trained once per way (it is the slow part: ~16 JVM starts plus the training).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The smoke grid on Slurm")
class SlurmGridIT {

    private static final Duration GRID_TIMEOUT = Duration.ofMinutes(40);
    private static final int LOG_TAIL_LINES = 15;
    /** Cancelled after its first epoch: a warm-started net with children, so they are cancelled too. */
    private static final String VICTIM_PREFIX = "D-w1_8-S256-warm-start-A-";
    private static final Pattern RESUMED = Pattern.compile("resuming after epoch (\\d+)");

    private final Budget budget = TestFolders.itBudget();
    private final Slurm slurm = Slurm.forCurrentUser();
    private Path local;
    private Path shared;
    private Grid grid;
    private SlurmGrid slurmGrid;
    private RunSpec victim;
    private int victimRowsAtKill;
    private final Map<String, List<String>> jobsOfRun = new HashMap<>();
    private List<SlurmGrid.Decision> thirdSubmission = List.of();
    private List<SlurmGrid.RunState> statusAfterCancel = List.of();
    private Duration localWall;
    private Duration slurmWall;

    @BeforeAll
    void gridOnSlurm(TestReporter reporter) throws Exception {
        Optional<String> absent = Slurm.unavailableReason();
        assumeTrue(absent.isEmpty(), () -> "no Slurm controller answers here (" + absent.orElse("")
                + "); .ci/run starts one with .ci/slurm-up.sh");
        Path base = Path.of("target", "it", "slurm").toAbsolutePath();
        TestFolders.deleteRecursively(base);
        local = base.resolve("local");
        shared = base.resolve("shared");
        DataCatalog data = new DataCatalog();
        grid = Grid.of(budget, data);

        Instant begin = Instant.now();
        RunTrainer trainer = RunTrainer.into(RunJob.resultsOf(budget, local), data, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget(budget.name()));
        for (RunSpec spec : grid.runs()) {
            trainer.train(spec);
        }
        localWall = Duration.between(begin, Instant.now());

        Path jar = Path.of(System.getProperty("cluster.jar"));
        int threads = Integer.parseInt(System.getProperty("cluster.threads"));
        Resources resources = Resources.forBudget(budget).withCpus(threads);
        slurmGrid = new SlurmGrid(grid, shared, resources, Launcher.of(jar, System.getenv()), slurm);
        victim = grid.runs().stream().filter(s -> s.runId().startsWith(VICTIM_PREFIX)).findFirst().orElseThrow();

        begin = Instant.now();
        record(slurmGrid.submit(Optional.empty()));
        cancelAfterFirstEpoch(victim, reporter);
        awaitEmptyQueue();
        statusAfterCancel = slurmGrid.status();
        reporter.publishEntry("status after the cancel", render(statusAfterCancel));
        List<SlurmGrid.Decision> second = slurmGrid.submit(Optional.empty());
        record(second);
        awaitEmptyQueue();
        slurmWall = Duration.between(begin, Instant.now());
        thirdSubmission = slurmGrid.submit(Optional.empty());
        reporter.publishEntry("wall time", "local " + localWall.toSeconds() + " s, Slurm (with the cancel and "
                + "the resubmission) " + slurmWall.toSeconds() + " s");
    }

    @Test
    @Order(1)
    @DisplayName("every run of the grid completes on Slurm with the same CSV numbers and weights as the local run (A-LRN: completes; it is not deterministic between processes)")
    void everyRunCompletesAndEveryDeterministicRunEqualsTheLocalRun(TestReporter reporter) throws IOException {
        Path localResults = RunJob.resultsOf(budget, local);
        for (RunSpec spec : grid.runs()) {
            RunFolder mine = RunFolder.at(slurmGrid.results(), spec.runId());
            RunFolder theirs = RunFolder.at(localResults, spec.runId());
            if (spec.model().config() == VggConfig.A_LRN) {
                // Ended, on record: complete, or diverged (the suite's rule for a diverged run, a
                // finding rather than a failure; this smoke run sits near the edge, and diverged in
                // its Slurm job in one local .ci/run on 2026-12-02 while it completed locally).
                assertTrue(mine.status() == RunStatus.COMPLETE || mine.status() == RunStatus.DIVERGED,
                        spec.runId() + " ended: " + mine.status());
                if (mine.status() == RunStatus.DIVERGED) {
                    reporter.publishEntry(spec.runId(), "diverged on Slurm (" + mine.divergence() + ")");
                    continue;
                }
                // A-LRN's training is not bit-reproducible between processes (a finding): on an Intel
                // Xeon seven processes ended epoch 3 in five states, mostly through oneDNN's AVX-512
                // convolution backward (now capped: train/KernelReproducibility); on an AMD EPYC with
                // the cap, one of two processes trained while a build loaded the cores differed from
                // epoch 2, while net A came out identical three times and the LRN op alone 39 times.
                // So Slurm is not what differs; the run is compared for completion only, and said so.
                boolean same = Files.exists(theirs.dir().resolve("model.params")) && Arrays.equals(Files.readAllBytes(theirs.dir().resolve("model.params")),
                        Files.readAllBytes(mine.dir().resolve("model.params")));
                reporter.publishEntry(spec.runId(), "not compared bit for bit (A-LRN is not deterministic"
                        + " between processes here); weights " + (same ? "equal" : "differ") + " this time");
                continue;
            }
            assertEquals(RunStatus.COMPLETE, mine.status(), () -> spec.runId() + jobLogTails(spec.runId()));
            assertEquals(TestFolders.epochNumbers(theirs.dir().resolve(RunFolder.EPOCHS_FILE)),
                    TestFolders.epochNumbers(mine.dir().resolve(RunFolder.EPOCHS_FILE)), spec.runId() + " epochs.csv");
            assertArrayEquals(Files.readAllBytes(theirs.dir().resolve("model.params")),
                    Files.readAllBytes(mine.dir().resolve("model.params")), spec.runId() + " model.params");
            assertTrue(mine.provenance().orElseThrow().get(RunJob.SLURM_JOB_KEY).isPresent(),
                    spec.runId() + " records the Slurm job that trained it");
        }
    }

    @Test
    @Order(2)
    @DisplayName("no child job starts before its parent's job has ended (the jobs' recorded times)")
    void childrenStartAfterTheirParentsEnd(TestReporter reporter) throws Exception {
        Optional<Path> location = JobCompLog.location();
        assumeTrue(location.isPresent(), "this cluster keeps no job-completion log (JobCompType=jobcomp/filetxt)");
        JobCompLog log = JobCompLog.read(location.get());
        StringBuilder timeline = new StringBuilder("\njob  run                                       submit    start     end       state");
        int edges = 0;
        for (RunSpec spec : grid.runs()) {
            for (String jobId : jobsOfRun.getOrDefault(spec.runId(), List.of())) {
                Optional<JobCompLog.Job> job = log.job(jobId);
                if (job.isEmpty()) {
                    continue;
                }
                JobCompLog.Job j = job.get();
                timeline.append(String.format("%n%-4s %-41s %s  %s  %s  %s", jobId, spec.runId(),
                        j.submit().toLocalTime(), j.start().toLocalTime(), j.end().toLocalTime(), j.state()));
                Optional<RunSpec> parent = spec.start().parent();
                if (parent.isEmpty() || !j.state().equals("COMPLETED")) {
                    continue;
                }
                JobCompLog.Job parentJob = completedJob(log, parent.get().runId());
                assertFalse(j.start().isBefore(parentJob.end()), spec.runId() + " (job " + jobId + ") started at "
                        + j.start() + ", before its parent's job " + parentJob.jobId() + " ended at " + parentJob.end());
                edges++;
            }
        }
        reporter.publishEntry("timeline", timeline.toString());
        assertTrue(edges >= 10, "checked " + edges + " parent-child edges; the smoke grid has 10");
    }

    @Test
    @Order(3)
    @DisplayName("a run cancelled mid-run resumes from its last checkpoint, losing at most one epoch")
    void cancelledRunResumesLosingAtMostOneEpoch(TestReporter reporter) throws IOException {
        List<String> jobs = jobsOfRun.get(victim.runId());
        assertEquals(2, jobs.size(), "the victim ran in two jobs: " + jobs);
        Path secondLog = slurmGrid.results().resolve(SlurmGrid.FOLDER)
                .resolve(victim.runId() + "-" + jobs.get(1) + ".out");
        Matcher m = RESUMED.matcher(Files.readString(secondLog));
        assertTrue(m.find(), secondLog + " says where the run resumed");
        int resumedAfter = Integer.parseInt(m.group(1));
        reporter.publishEntry("resume", "cancelled with " + victimRowsAtKill + " epochs written; resumed after epoch "
                + resumedAfter);
        assertTrue(resumedAfter >= 1 && resumedAfter >= victimRowsAtKill - 1,
                "resumed after epoch " + resumedAfter + " with " + victimRowsAtKill + " epochs done at the cancel");
    }

    @Test
    @Order(4)
    @DisplayName("status shows the cancelled run as failed, with its job, and the untouched runs as complete")
    void statusShowsTheCancelledRunAsFailed() {
        for (SlurmGrid.RunState state : statusAfterCancel) {
            if (state.runId().equals(victim.runId())) {
                assertEquals(SlurmGrid.State.FAILED, state.state(), state.toString());
                assertEquals(Optional.of(jobsOfRun.get(victim.runId()).get(0)), state.jobId());
            } else if (grid.run(state.runId()).start().parent().map(p -> p.runId().equals(victim.runId())).orElse(false)) {
                assertTrue(state.state() != SlurmGrid.State.COMPLETE, "a child of the cancelled run: " + state);
            }
        }
        // Ended counts complete, and diverged for A-LRN (see the first test).
        assertTrue(statusAfterCancel.stream().filter(s -> s.state() == SlurmGrid.State.COMPLETE
                || (s.state() == SlurmGrid.State.DIVERGED && s.runId().startsWith(VggConfig.A_LRN.name() + "-")))
                .count() >= grid.runs().size() - 3, () -> "all but the cancelled run and its two children have ended;"
                        + " states after the cancel: " + statusAfterCancel);
    }

    @Test
    @Order(5)
    @DisplayName("a second submission of a finished grid submits nothing")
    void finishedGridSubmitsNothing() {
        assertEquals(grid.runs().size(), thirdSubmission.size());
        for (SlurmGrid.Decision d : thirdSubmission) {
            assertEquals(SlurmGrid.Action.COMPLETE, d.action(), () -> d.runId() + jobLogTails(d.runId()));
        }
    }

    /**
     * The last lines of each job log of the run, for a failure message: a job that ended without
     * completing its run says why only there, and the CI log keeps nothing else of it.
     */
    private String jobLogTails(String runId) {
        StringBuilder tails = new StringBuilder();
        for (String jobId : jobsOfRun.getOrDefault(runId, List.of())) {
            Path log = slurmGrid.results().resolve(SlurmGrid.FOLDER).resolve(runId + "-" + jobId + ".out");
            tails.append("\n--- job ").append(jobId).append(", ").append(log.getFileName()).append(", last lines:");
            try {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                        .forEach(line -> tails.append("\n").append(line));
            } catch (IOException e) {
                tails.append(" not readable (").append(e).append(')');
            }
        }
        return tails.length() == 0 ? " (no job of this run was recorded)" : tails.toString();
    }

    private JobCompLog.Job completedJob(JobCompLog log, String runId) {
        for (String jobId : jobsOfRun.getOrDefault(runId, List.of())) {
            Optional<JobCompLog.Job> job = log.job(jobId);
            if (job.isPresent() && job.get().state().equals("COMPLETED")) {
                return job.get();
            }
        }
        return fail("no completed job recorded for " + runId + " among " + jobsOfRun.get(runId));
    }

    private void record(List<SlurmGrid.Decision> decisions) {
        for (SlurmGrid.Decision d : decisions) {
            if (d.action() == SlurmGrid.Action.SUBMITTED) {
                jobsOfRun.computeIfAbsent(d.runId(), k -> new ArrayList<>()).add(d.jobId().orElseThrow());
            }
        }
    }

    /** Cancels the run's job once its first checkpoint exists and before the run completes. */
    private void cancelAfterFirstEpoch(RunSpec spec, TestReporter reporter) throws Exception {
        RunFolder folder = RunFolder.at(slurmGrid.results(), spec.runId());
        Instant deadline = Instant.now().plus(GRID_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (folder.status() != RunStatus.RUNNING) {
                fail(spec.runId() + " finished before it could be cancelled");
            }
            if (checkpoints(folder) >= 1) {
                slurm.cancel(jobsOfRun.get(spec.runId()).get(0));
                awaitGone(JobScript.jobName(spec.runId()));
                victimRowsAtKill = folder.epochs().size();
                assertEquals(RunStatus.RUNNING, folder.status(), "the cancel came too late: the run completed");
                reporter.publishEntry("cancelled", spec.runId() + " after " + victimRowsAtKill + " epochs");
                return;
            }
            Thread.sleep(100);
        }
        fail(spec.runId() + " wrote no checkpoint within " + GRID_TIMEOUT);
    }

    private static long checkpoints(RunFolder folder) throws IOException {
        if (!Files.isDirectory(folder.checkpointDir())) {
            return 0;
        }
        // Only finished checkpoints count: a checkpoint is written to a hidden ".epoch-N.ckpt.*.tmp"
        // file and renamed when complete, and a cancel that lands during that write leaves nothing
        // to resume from (the test then failed by its own timing, not the trainer's).
        try (Stream<Path> files = Files.list(folder.checkpointDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ckpt")).count();
        }
    }

    private void awaitGone(String jobName) throws InterruptedException {
        while (slurm.queue().stream().anyMatch(j -> j.name().equals(jobName))) {
            Thread.sleep(200);
        }
    }

    private void awaitEmptyQueue() throws InterruptedException {
        Instant deadline = Instant.now().plus(GRID_TIMEOUT);
        while (slurm.queue().stream().anyMatch(j -> j.name().startsWith(JobScript.RUN_PREFIX))) {
            if (Instant.now().isAfter(deadline)) {
                fail("the grid's jobs were still in the queue after " + GRID_TIMEOUT);
            }
            Thread.sleep(1000);
        }
    }

    private static String render(List<SlurmGrid.RunState> states) {
        StringBuilder s = new StringBuilder();
        for (SlurmGrid.RunState st : states) {
            s.append('\n').append(st.runId()).append(' ').append(st.state()).append(" epoch ").append(st.epochsDone())
                    .append('/').append(st.maxEpochs()).append(' ').append(st.detail());
        }
        return s.toString();
    }
}
