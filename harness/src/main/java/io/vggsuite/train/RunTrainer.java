package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.vggsuite.data.Augmentation;
import io.vggsuite.data.Batch;
import io.vggsuite.data.BatchIterator;
import io.vggsuite.data.ScaleMapping;
import io.vggsuite.data.TestViews;
import io.vggsuite.data.TrainingBatches;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggNet;
import io.vggsuite.results.AtomicFiles;
import io.vggsuite.results.Divergence;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunKey;
import io.vggsuite.results.RunLock;
import io.vggsuite.results.RunStatus;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains runs: the recipe of Section 3.1 on every device {@link Devices} reports, one checkpoint
 * per epoch, resumption from the newest good checkpoint, and a run cache keyed by the spec's
 * hash. Parents (net A for a warm start, S=256 for S=384, S=384 for jittered S) are trained first.
 */
public final class RunTrainer {

    private final Path resultsRoot;
    private final DataCatalog data;
    private final RunProvenance provenance;
    private final Progress progress;
    private final Validation validation;

    private RunTrainer(Path resultsRoot, DataCatalog data, Validation validation, RunProvenance provenance,
            Progress progress) {
        this.resultsRoot = resultsRoot;
        this.data = data;
        this.validation = validation;
        this.provenance = provenance;
        this.progress = progress;
    }

    /**
     * A trainer writing run folders under {@code resultsRoot}, quiet and with provenance naming no
     * budget until told otherwise.
     *
     * @param validation measures the net on the held-out images after each epoch (evaluation
     *     supplies it: {@code io.vggsuite.eval.CentreCropValidation.INSTANCE})
     */
    public static RunTrainer into(Path resultsRoot, DataCatalog data, Validation validation) {
        return new RunTrainer(resultsRoot, data, validation, RunProvenance.forBudget("unnamed"), Progress.quiet());
    }

    /** The same trainer recording {@code other} in every run's provenance (the budget's name). */
    public RunTrainer withProvenance(RunProvenance other) {
        return new RunTrainer(resultsRoot, data, validation, other, progress);
    }

    /** The same trainer reporting progress to {@code other}. */
    public RunTrainer withProgress(Progress other) {
        return new RunTrainer(resultsRoot, data, validation, provenance, other);
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
            return new Session(spec, folder, parent).run();
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
        if (spec.start() instanceof Start.WarmStartFromA warm) {
            return Optional.of(train(warm.netA()));
        }
        if (spec.start() instanceof Start.FineTune fineTune) {
            return Optional.of(train(fineTune.parent()));
        }
        return Optional.empty();
    }

    /** The state of one training session of one run. */
    private final class Session {
        private final RunSpec spec;
        private final RunFolder folder;
        private final Optional<TrainedRun> parent;
        private final DataCatalog.Loaded images;
        private final Device[] devices = Devices.forTraining();
        private final Instant started = Instant.now();

        Session(RunSpec spec, RunFolder folder, Optional<TrainedRun> parent) {
            this.spec = spec;
            this.folder = folder;
            this.parent = parent;
            this.images = data.load(spec.data());
        }

        TrainedRun run() throws IOException {
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
                    resumed.restoreOptimizer(optimizer, net, model.getNDManager());
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
            DataInputStream in = checkpoint.open();
            LearningRateSchedule.State state = new LearningRateSchedule.State(
                    in.readFloat(), in.readInt(), in.readDouble(), in.readInt());
            double lastFiniteLoss = in.readDouble();
            try {
                net.loadParameters(manager, in);
            } catch (MalformedModelException e) {
                throw new IOException("checkpoint " + checkpoint.file() + " holds unreadable parameters", e);
            }
            List<EpochRecord> rows = new ArrayList<>(folder.epochs());
            if (rows.size() < checkpoint.epoch()) {
                throw new IOException("checkpoint " + checkpoint.file() + " is at epoch " + checkpoint.epoch()
                        + " but " + folder.dir().resolve("epochs.csv") + " has only " + rows.size() + " rows");
            }
            progress.note(spec.runId() + ": resuming after epoch " + checkpoint.epoch());
            return new Resumed(checkpoint.epoch(), state, lastFiniteLoss,
                    new ArrayList<>(rows.subList(0, checkpoint.epoch())), Optional.of(in));
        }

        private TrainedRun epochs(Trainer trainer, VggNet net, MomentumSgd optimizer, Resumed resumed)
                throws IOException {
            Recipe recipe = spec.recipe();
            LearningRateSchedule.State state = resumed.state();
            List<EpochRecord> rows = resumed.rows();
            double lastFiniteLoss = resumed.lastFiniteLoss();
            Augmentation augmentation = new Augmentation(
                    spec.trainScale(), spec.model().cropSize(), spec.flip(), spec.colourShift());
            TestViews validationViews =
                    new TestViews(images.validation(), images.preprocessing(), spec.model().cropSize());
            int validationQ = ScaleMapping.forCrop(spec.model().cropSize()).singleScaleQ(spec.paperScale());
            try (TrainingBatches batches = new TrainingBatches(
                    images.train(), images.preprocessing(), augmentation, recipe.batchSize(), spec.seed())) {
                for (int epoch = resumed.epoch() + 1; epoch <= recipe.maxEpochs(); epoch++) {
                    if (spec.recipe().schedule().exhausted(state)) {
                        break;
                    }
                    Engine.getInstance().setRandomSeed(seedFor(epoch));
                    optimizer.setLearningRate(state.learningRate());
                    EpochStats stats = trainEpoch(trainer, batches, epoch);
                    if (stats.divergedAt().isPresent()) {
                        Divergence divergence = new Divergence(epoch,
                                stats.lastFiniteLoss().orElse(lastFiniteLoss));
                        folder.markDiverged(divergence);
                        provenance.writeEnd(folder, spec, images, devices, started, "diverged");
                        progress.note(spec.runId() + ": diverged in epoch " + epoch + " (last finite loss "
                                + divergence.lastFiniteLoss() + ")");
                        return new TrainedRun(spec, folder, TrainedRun.Outcome.DIVERGED, Optional.of(divergence));
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
                    writeCheckpoint(net, optimizer, epoch, state, lastFiniteLoss);
                    progress.epoch(spec.runId(), epoch, recipe.maxEpochs(), stats.meanLoss(), errors.top1(),
                            stats.imagesPerSecond(), eta(rows, recipe.maxEpochs()));
                }
            }
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
            provenance.writeEnd(folder, spec, images, devices, started, "complete");
            folder.markComplete();
            return new TrainedRun(spec, folder, TrainedRun.Outcome.TRAINED, Optional.empty());
        }

        private EpochStats trainEpoch(Trainer trainer, TrainingBatches batches, int epoch) {
            long begin = System.nanoTime();
            double lossSum = 0;
            long wrong = 0;
            long seen = 0;
            Optional<Double> lastFinite = Optional.empty();
            int batchIndex = 0;
            int total = batches.batchesPerEpoch();
            try (NDManager scope = trainer.getManager().newSubManager();
                    BatchIterator iterator = batches.epoch(scope, epoch)) {
                while (iterator.hasNext()) {
                    try (Batch batch = iterator.next()) {
                        SgdStep.Result step = SgdStep.run(trainer, devices, batch.images(), batch.labels());
                        if (!Double.isFinite(step.loss())) {
                            return new EpochStats(Double.NaN, Double.NaN, 0, 0, lastFinite, Optional.of(batchIndex));
                        }
                        lastFinite = Optional.of(step.loss());
                        lossSum += step.loss() * step.images();
                        wrong += step.images() - step.correct();
                        seen += step.images();
                    }
                    batchIndex++;
                    double seconds = (System.nanoTime() - begin) / 1e9;
                    progress.batch(spec.runId(), epoch, spec.recipe().maxEpochs(), batchIndex, total, lossSum / seen,
                            seen / seconds, Duration.ofSeconds((long) (seconds / batchIndex * (total - batchIndex))));
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            return new EpochStats(lossSum / seen, 100.0 * wrong / seen, seconds, seen / seconds, lastFinite,
                    Optional.empty());
        }

        private void writeCheckpoint(VggNet net, MomentumSgd optimizer, int epoch, LearningRateSchedule.State state,
                double lastFiniteLoss) throws IOException {
            Map<String, String> namesById = new HashMap<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                namesById.put(p.getValue().getId(), p.getKey());
            }
            Checkpoint.write(folder.checkpointDir(), epoch, out -> {
                out.writeFloat(state.learningRate());
                out.writeInt(state.decreases());
                out.writeDouble(state.bestValidationError());
                out.writeInt(state.epochsSinceBest());
                out.writeDouble(lastFiniteLoss);
                net.saveParameters(out);
                optimizer.saveState(out, namesById);
            });
        }

        /** Dropout masks and initial weights come from the engine's generator, reseeded per epoch. */
        private int seedFor(int epoch) {
            return (int) (spec.seed() * 1_000_003L + epoch);
        }
    }

    private static Duration eta(List<EpochRecord> rows, int maxEpochs) {
        double perEpoch = rows.stream().mapToDouble(EpochRecord::seconds).average().orElse(0);
        return Duration.ofSeconds((long) (perEpoch * (maxEpochs - rows.size())));
    }


    private record EpochStats(double meanLoss, double top1Error, double seconds, double imagesPerSecond,
            Optional<Double> lastFiniteLoss, Optional<Integer> divergedAt) {}

    /** What a session starts from: nothing, or a checkpoint. */
    private record Resumed(int epoch, LearningRateSchedule.State state, double lastFiniteLoss,
            List<EpochRecord> rows, Optional<DataInputStream> optimizerState) {

        static Resumed fresh(Recipe recipe) {
            return new Resumed(0, LearningRateSchedule.State.initial(recipe.learningRate()), Double.NaN,
                    new ArrayList<>(), Optional.empty());
        }

        void restoreOptimizer(MomentumSgd optimizer, VggNet net, NDManager manager) throws IOException {
            if (optimizerState.isEmpty()) {
                return;
            }
            Map<String, String> idsByName = new HashMap<>();
            Map<String, Device> devicesById = new HashMap<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                idsByName.put(p.getKey(), p.getValue().getId());
                devicesById.put(p.getValue().getId(), p.getValue().getArray().getDevice());
            }
            optimizer.loadState(optimizerState.get(), idsByName, devicesById, manager);
        }
    }
}
