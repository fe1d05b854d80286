package io.vggsuite.train;

import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunKey;
import io.vggsuite.results.RunLock;
import io.vggsuite.results.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Trains runs: the recipe of Section 3.1 on every device {@link Devices} reports, one checkpoint
 * per epoch, resumption from the newest good checkpoint, and a run cache keyed by the spec's
 * hash. Parents (net A for a warm start, S=256 for S=384, S=384 for jittered S) are trained first.
 * A loss that stops being finite is replayed once from the last checkpoint before the run is called
 * diverged ({@link LossReplay}).
 */
public final class RunTrainer {

    private final Path resultsRoot;
    private final DataCatalog data;
    private final RunProvenance provenance;
    private final Progress progress;
    private final Validation validation;
    private final EpochPass.LossFault fault;

    private RunTrainer(Path resultsRoot, DataCatalog data, Validation validation, RunProvenance provenance,
            Progress progress, EpochPass.LossFault fault) {
        this.resultsRoot = resultsRoot;
        this.data = data;
        this.validation = validation;
        this.provenance = provenance;
        this.progress = progress;
        this.fault = fault;
    }

    /**
     * A trainer writing run folders under {@code resultsRoot}, quiet and with provenance naming no
     * budget until told otherwise.
     *
     * @param validation measures the net on the held-out images after each epoch (evaluation
     *     supplies it: {@code io.vggsuite.eval.CentreCropValidation.INSTANCE})
     */
    public static RunTrainer into(Path resultsRoot, DataCatalog data, Validation validation) {
        return new RunTrainer(resultsRoot, data, validation, RunProvenance.forBudget("unnamed"), Progress.quiet(),
                EpochPass.LossFault.NONE);
    }

    /** The same trainer recording {@code other} in every run's provenance (the budget's name). */
    public RunTrainer withProvenance(RunProvenance other) {
        return new RunTrainer(resultsRoot, data, validation, other, progress, fault);
    }

    /** The same trainer reporting progress to {@code other}. */
    public RunTrainer withProgress(Progress other) {
        return new RunTrainer(resultsRoot, data, validation, provenance, other, fault);
    }

    /** The same trainer with {@code injected} changing each step's loss: for tests of {@link LossReplay}. */
    RunTrainer withLossFault(EpochPass.LossFault injected) {
        return new RunTrainer(resultsRoot, data, validation, provenance, progress, injected);
    }

    /** The run's trained model: from the cache when complete, else trained (or resumed) now. */
    public TrainedRun train(RunSpec spec) throws IOException {
        RunFolder folder = RunFolder.at(resultsRoot, spec.runId());
        // Before the cache check, so that folders from before keys existed get theirs too; once.
        RunKey key = spec.key();
        if (!folder.key().equals(Optional.of(key))) {
            folder.writeKey(key);
        }
        Optional<TrainedRun> cached = cached(spec, folder);
        if (cached.isPresent()) {
            progress.note(spec.runId() + ": cached (" + folder.status().name().toLowerCase() + ")");
            return cached.get();
        }
        Optional<TrainedRun> parent = trainParent(spec);
        if (parent.isPresent() && parent.get().diverged()) {
            throw new IllegalStateException("run " + spec.runId() + " starts from "
                    + parent.get().spec().runId() + ", which diverged");
        }
        try (RunLock lock = folder.lock()) {
            Optional<TrainedRun> doneMeanwhile = cached(spec, folder);
            if (doneMeanwhile.isPresent()) {
                return doneMeanwhile.get();
            }
            KernelReproducibility.requireReproducible(spec.model());
            LossReplay replay = new LossReplay();
            while (true) {
                try {
                    return new TrainingSession(spec, folder, parent, data.load(spec.data()), validation, provenance,
                            progress, replay, fault).run();
                } catch (LossReplay.NotFinite notFinite) {
                    LossReplay.Event event = notFinite.event();
                    progress.note(spec.runId() + ": loss not finite in epoch " + event.epoch() + " (batch "
                            + (event.batch() + 1) + ", last finite loss " + event.lastFiniteLoss()
                            + "); replaying the epoch from its checkpoint: a net that diverges does so again");
                }
            }
        }
    }

    private static Optional<TrainedRun> cached(RunSpec spec, RunFolder folder) {
        RunStatus status = folder.status();
        if (status == RunStatus.COMPLETE) {
            return Optional.of(new TrainedRun(spec, folder, TrainedRun.Outcome.CACHED, Optional.empty()));
        }
        if (status == RunStatus.DIVERGED) {
            return Optional.of(new TrainedRun(spec, folder, TrainedRun.Outcome.DIVERGED, folder.divergence()));
        }
        return Optional.empty();
    }

    private Optional<TrainedRun> trainParent(RunSpec spec) throws IOException {
        Optional<RunSpec> parent = spec.start().parent();
        return parent.isPresent() ? Optional.of(train(parent.get())) : Optional.empty();
    }
}
