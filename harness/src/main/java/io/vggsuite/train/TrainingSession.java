package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.vggsuite.data.Augmentation;
import io.vggsuite.data.ScaleMapping;
import io.vggsuite.data.TestViews;
import io.vggsuite.data.TrainingBatches;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggNet;
import io.vggsuite.results.AtomicFiles;
import io.vggsuite.results.Divergence;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.RunFolder;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One training session of one run, under the run's lock: the net built and initialised (from
 * scratch, or from its parent), resumed from its newest good checkpoint, then the epoch loop of
 * Section 3.1 — an {@link EpochPass}, the {@link Validation} that drives the schedule, the epoch's
 * row and checkpoint — until the schedule or the epochs run out, or a loss stops being finite.
 */
final class TrainingSession {

    private final RunSpec spec;
    private final RunFolder folder;
    private final Optional<TrainedRun> parent;
    private final DataCatalog.Loaded images;
    private final Validation validation;
    private final RunProvenance provenance;
    private final Progress progress;
    private final LossReplay replay;
    private final EpochPass.LossFault fault;
    private final Device[] devices = Devices.forTraining();
    private final Instant started = Instant.now();

    TrainingSession(RunSpec spec, RunFolder folder, Optional<TrainedRun> parent, DataCatalog.Loaded images,
            Validation validation, RunProvenance provenance, Progress progress, LossReplay replay,
            EpochPass.LossFault fault) {
        this.spec = spec;
        this.folder = folder;
        this.parent = parent;
        this.images = images;
        this.validation = validation;
        this.provenance = provenance;
        this.progress = progress;
        this.replay = replay;
        this.fault = fault;
    }

    /**
     * @throws LossReplay.NotFinite when the loss stopped being finite and {@link LossReplay} asks
     *     for the epoch to be replayed by a new session
     */
    TrainedRun run() throws IOException, LossReplay.NotFinite {
        // The provenance's peak resident memory is this session's, not the process's so far.
        ProcessMemory.resetPeak();
        Recipe recipe = spec.recipe();
        VggNet net = VggBuilder.build(spec.model());
        MomentumSgd optimizer = new MomentumSgd(recipe.learningRate(), recipe.momentum(), recipe.weightDecay());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer)
                .optDevices(devices);
        try (Model model = Model.newInstance(spec.runId(), devices[0])) {
            model.setBlock(net);
            Shape input = TrainedRun.inputShape(spec);
            initialiseWeights(net, model.getNDManager(), input);
            Resumed resumed = resume(net, model.getNDManager());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(input);
                if (resumed.checkpoint().isPresent()) {
                    resumed.checkpoint().get().optimizerInto(optimizer, net, model.getNDManager());
                }
                provenance.writeStart(folder, spec, images, devices, started);
                return epochs(trainer, net, optimizer, resumed);
            }
        }
    }

    private void initialiseWeights(VggNet net, NDManager manager, Shape input) throws IOException {
        Engine.getInstance().setRandomSeed(seedFor(0));
        Initialisation random = spec.start() instanceof Start.FromScratch scratch
                ? scratch.initialisation()
                : spec.start() instanceof Start.WarmStartFromA warm ? warm.rest() : Initialisation.GLOROT;
        random.applyTo(net);
        net.initialize(manager, DataType.FLOAT32, input);
        if (parent.isPresent()) {
            try (NDManager parentScope = manager.newSubManager()) {
                VggNet parentNet = parent.get().load(parentScope);
                if (spec.start() instanceof Start.WarmStartFromA) {
                    WarmStart.fromNetA(parentNet, net);
                } else {
                    WarmStart.everything(parentNet, net);
                }
            }
        }
    }

    /** Where the last session stopped: the newest checkpoint whose checksum holds. */
    private Resumed resume(VggNet net, NDManager manager) throws IOException {
        List<Checkpoint.Rejected> rejected = new ArrayList<>();
        Optional<Checkpoint.Verified> latest = Checkpoint.latest(folder.checkpointDir(), rejected);
        for (Checkpoint.Rejected bad : rejected) {
            progress.note(spec.runId() + ": checkpoint " + bad.file().getFileName() + " is " + bad.reason()
                    + (latest.isPresent() ? "; falling back to " + latest.get().file().getFileName()
                            : "; no good checkpoint left, restarting the run"));
        }
        if (latest.isEmpty()) {
            Checkpoint.discardAfter(folder.checkpointDir(), 0);
            return Resumed.fresh(spec.recipe());
        }
        Checkpoint.Verified checkpoint = latest.get();
        Checkpoint.discardAfter(folder.checkpointDir(), checkpoint.epoch());
        CheckpointBody.Reader reader = new CheckpointBody.Reader(checkpoint);
        CheckpointBody.Position position = reader.position();
        reader.parametersInto(net, manager);
        List<EpochRecord> rows = new ArrayList<>(folder.epochs());
        if (rows.size() < checkpoint.epoch()) {
            throw new IOException("checkpoint " + checkpoint.file() + " is at epoch " + checkpoint.epoch()
                    + " but " + folder.dir().resolve("epochs.csv") + " has only " + rows.size() + " rows");
        }
        progress.note(spec.runId() + ": resuming after epoch " + checkpoint.epoch());
        return new Resumed(checkpoint.epoch(), position, new ArrayList<>(rows.subList(0, checkpoint.epoch())),
                Optional.of(reader));
    }

    private TrainedRun epochs(Trainer trainer, VggNet net, MomentumSgd optimizer, Resumed resumed)
            throws IOException, LossReplay.NotFinite {
        Recipe recipe = spec.recipe();
        LearningRateSchedule.State state = resumed.position().schedule();
        double lastFiniteLoss = resumed.position().lastFiniteLoss();
        List<EpochRecord> rows = resumed.rows();
        Augmentation augmentation = new Augmentation(
                spec.trainScale(), spec.model().cropSize(), spec.flip(), spec.colourShift());
        TestViews validationViews =
                new TestViews(images.validation(), images.preprocessing(), spec.model().cropSize());
        int validationQ = ScaleMapping.forCrop(spec.model().cropSize()).singleScaleQ(spec.paperScale());
        try (StepTrace trace = StepTrace.forRun(folder.dir());
                TrainingBatches batches = new TrainingBatches(
                images.train(), images.preprocessing(), augmentation, recipe.batchSize(), spec.seed())) {
            EpochPass pass = new EpochPass(spec.runId(), recipe.maxEpochs(), devices, progress, fault, trace);
            for (int epoch = resumed.epoch() + 1; epoch <= recipe.maxEpochs(); epoch++) {
                if (recipe.schedule().exhausted(state)) {
                    break;
                }
                Engine.getInstance().setRandomSeed(seedFor(epoch));
                optimizer.setLearningRate(state.learningRate());
                EpochPass.Stats stats = pass.run(trainer, batches, epoch);
                if (stats.divergedAt().isPresent()) {
                    return diverged(replay.onNotFinite(epoch, stats.divergedAt().get(),
                            stats.lastFiniteLoss().orElse(lastFiniteLoss)));
                }
                lastFiniteLoss = stats.lastFiniteLoss().orElse(lastFiniteLoss);
                Validation.Errors errors = validation.measure(net, trainer.getManager(), validationViews,
                        validationQ, recipe.batchSize());
                rows.add(new EpochRecord(epoch, state.learningRate(), stats.meanLoss(), stats.top1Error(),
                        errors.top1(), errors.top5(), stats.seconds(), stats.imagesPerSecond()));
                state = recipe.schedule().next(state, epoch, errors.top1());
                // Rows first: a kill between the two leaves a row past the newest checkpoint,
                // which the resume drops and recomputes, never a checkpoint without its row.
                folder.writeEpochs(rows);
                Checkpoint.write(folder.checkpointDir(), epoch,
                        CheckpointBody.of(new CheckpointBody.Position(state, lastFiniteLoss), net, optimizer));
                progress.epoch(spec.runId(), epoch, recipe.maxEpochs(), stats.meanLoss(), errors.top1(),
                        stats.imagesPerSecond(), eta(rows, recipe.maxEpochs()));
            }
        }
        return complete(net);
    }

    private TrainedRun diverged(Divergence divergence) {
        folder.markDiverged(divergence);
        provenance.writeEnd(folder, spec, images, devices, started, "diverged", replay.describe());
        progress.note(spec.runId() + ": diverged in epoch " + divergence.epoch() + " (last finite loss "
                + divergence.lastFiniteLoss() + ")");
        return new TrainedRun(spec, folder, TrainedRun.Outcome.DIVERGED, Optional.of(divergence));
    }

    private TrainedRun complete(VggNet net) throws IOException {
        Path modelFile = folder.dir().resolve(TrainedRun.MODEL_FILE);
        try {
            AtomicFiles.writeBytes(modelFile, out -> {
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
                net.saveParameters(data);
                data.flush();
            });
        } catch (IOException e) {
            throw new IOException("cannot write " + modelFile + ": " + e.getMessage(), e);
        }
        replay.onFinished();
        provenance.writeEnd(folder, spec, images, devices, started, "complete", replay.describe());
        folder.markComplete();
        return new TrainedRun(spec, folder, TrainedRun.Outcome.TRAINED, Optional.empty());
    }

    /** Dropout masks and initial weights come from the engine's generator, reseeded per epoch. */
    private int seedFor(int epoch) {
        return (int) (spec.seed() * 1_000_003L + epoch);
    }

    private static Duration eta(List<EpochRecord> rows, int maxEpochs) {
        double perEpoch = rows.stream().mapToDouble(EpochRecord::seconds).average().orElse(0);
        return Duration.ofSeconds((long) (perEpoch * (maxEpochs - rows.size())));
    }

    /** What a session starts from: nothing, or a checkpoint whose optimizer part is still to read. */
    private record Resumed(int epoch, CheckpointBody.Position position, List<EpochRecord> rows,
            Optional<CheckpointBody.Reader> checkpoint) {

        static Resumed fresh(Recipe recipe) {
            return new Resumed(0, new CheckpointBody.Position(
                    LearningRateSchedule.State.initial(recipe.learningRate()), Double.NaN), new ArrayList<>(),
                    Optional.empty());
        }
    }
}
