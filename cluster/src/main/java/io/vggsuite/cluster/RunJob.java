package io.vggsuite.cluster;

import io.vggsuite.ablation.Budget;
import io.vggsuite.ablation.ResultsLocation;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.Progress;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.TrainedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Trains exactly one run of a budget's grid into a shared results folder: what each scheduler job
 * runs. The harness's run cache, per-run lock and resumption make it idempotent: a complete run is
 * not trained again, and a run stopped mid-way resumes from its last checkpoint. Its parent must
 * already be complete; the scheduler's dependencies guarantee that, and a job started without
 * them fails at once instead of training the parent itself behind the scheduler's back.
 */
public final class RunJob {

    /** Provenance: the scheduler job that trained the run (Slurm's job id). */
    public static final String SLURM_JOB_KEY = "cluster.slurm.job";
    /** Provenance: the container image the run was trained in, by ID. */
    public static final String CONTAINER_IMAGE_KEY = "container.image";
    /** Environment variable a container launcher sets to the image's ID. */
    public static final String CONTAINER_IMAGE_ENV = "VGG_CONTAINER_IMAGE";

    private RunJob() {}

    /** The results folder of {@code budget} under {@code resultsParent}, as the experiments name it. */
    public static Path resultsOf(Budget budget, Path resultsParent) {
        return ResultsLocation.of(budget, resultsParent.toString(), Path.of("."));
    }

    /**
     * @param resultsParent the folder given as {@code -Dablation.results}; runs go to
     *     {@code <resultsParent>/<budget>/runs/<runId>}
     * @param environment where the job's id and container image are read from
     */
    public static TrainedRun train(Budget budget, Path resultsParent, String runId, Map<String, String> environment,
            Progress progress) throws IOException {
        DataCatalog data = new DataCatalog();
        Grid grid = Grid.of(budget, data);
        RunSpec spec = grid.run(runId);
        Path results = resultsOf(budget, resultsParent);
        Optional<RunSpec> parent = spec.start().parent();
        if (parent.isPresent()) {
            RunStatus parentStatus = RunFolder.at(results, parent.get().runId()).status();
            if (parentStatus != RunStatus.COMPLETE) {
                throw new IllegalStateException("run " + runId + " starts from " + parent.get().runId()
                        + ", which is " + parentStatus.name().toLowerCase(java.util.Locale.ROOT) + " in " + results
                        + ": submit the grid so that the scheduler runs the parent first");
            }
        }
        TrainedRun run = RunTrainer.into(results, data, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget(budget.name()))
                .withProgress(progress)
                .train(spec);
        if (run.outcome() == TrainedRun.Outcome.TRAINED) {
            record(run.folder(), SLURM_JOB_KEY, environment.get("SLURM_JOB_ID"));
            record(run.folder(), CONTAINER_IMAGE_KEY, environment.get(CONTAINER_IMAGE_ENV));
        }
        return run;
    }

    private static void record(RunFolder folder, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        folder.amendProvenance(p -> p.with(key, value));
    }
}
