package io.vggsuite.benchmarks;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import io.vggsuite.data.Augmentation;
import io.vggsuite.data.BatchIterator;
import io.vggsuite.data.DataLocator;
import io.vggsuite.data.DatasetLoader;
import io.vggsuite.data.DatasetSplits;
import io.vggsuite.data.ImageStore;
import io.vggsuite.data.Preprocessing;
import io.vggsuite.data.ScaleMapping;
import io.vggsuite.data.StoreCache;
import io.vggsuite.data.TrainScale;
import io.vggsuite.data.TrainingBatches;
import io.vggsuite.data.ValidationSplit;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggBuilder;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;
import io.vggsuite.train.Devices;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Images per second of the data pipeline, alone and feeding VGG training, in one run:
 *
 * <ol>
 *   <li>decoding the whole CIFAR-10 JPEG archive (60,000 images; no store cache);
 *   <li>augmenting and batching alone: crop 32 from S jittered over [37;73] (the paper's [256;512]
 *       at crop 32, Section 3.1), flips and colour shift, batches of 64, one epoch;
 *   <li>SGD steps of VGG-A at width 1/4, batch 64, fed by pre-made random tensors, by pre-made
 *       pipeline batches (real images, assembled before timing) and live by the pipeline, in turn,
 *       best of {@value #ROUNDS} rounds each. The pre-made real batches separate what the pipeline
 *       costs (live vs pre-made real) from what real inputs cost the network itself (pre-made real
 *       vs random normal tensors: on the CPU their magnitudes change the arithmetic's speed).
 * </ol>
 *
 * Targets: the pipeline alone at least 5× the training throughput, and training fed by the
 * pipeline at least 0.95× training on random tensors. Run from the project root:
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am process-classes -Dbenchmark -Dvgg.data.dir=../shared/datasets
 * </pre>
 *
 * ({@code -Dbenchmark} turns on the benchmarks module's profile that runs this main in its {@code
 * process-classes} phase; {@code -am} compiles harness first without running anything there.)
 */
public final class PipelineBenchmark {

    private static final int BATCH = 64;
    private static final int CROP = 32;
    /** Steps before timing: the first steps allocate and pick kernels. */
    private static final int WARM_UP_STEPS = 10;
    private static final int TIMED_STEPS = 120;
    private static final int ROUNDS = 3;
    private static final long SEED = 1;
    /** Pipeline workers ({@code -Dbenchmark.workers=N}); by default one per core, as in training. */
    private static final String WORKERS_PROPERTY = "benchmark.workers";

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors()
                + ", devices: " + Devices.describe(Devices.forTraining()));

        long start = System.nanoTime();
        DatasetSplits cifar = new DatasetLoader(DataLocator.fromEnvironment(), StoreCache.none())
                .cifar10(ValidationSplit.images(0, SEED));
        double decodeSeconds = seconds(start);
        int decoded = cifar.train().size() + cifar.test().size();
        System.out.printf("decode CIFAR-10 archive (%s): %d images in %.2f s = %.0f images/s%n",
                cifar.checksum(), decoded, decodeSeconds, decoded / decodeSeconds);

        ImageStore train = cifar.train();
        Preprocessing preprocessing = Preprocessing.of(train);
        TrainScale scale = ScaleMapping.forCrop(CROP).map(TrainScale.jittered(256, 512));
        Augmentation augmentation = Augmentation.paper(scale, CROP);
        int workers = Integer.getInteger(WORKERS_PROPERTY, Runtime.getRuntime().availableProcessors());
        try (TrainingBatches batches = new TrainingBatches(train, preprocessing, augmentation, BATCH, SEED, workers)) {
            double pipeline = pipelineAlone(batches);
            System.out.printf("augment+batch alone (S %s = paper %s, crop %d, batch %d, %d workers): %.0f images/s%n",
                    scale.label(), scale.paperLabel(), CROP, BATCH, workers, pipeline);

            double[] random = new double[ROUNDS];
            double[] premade = new double[ROUNDS];
            double[] fed = new double[ROUNDS];
            try (Model model = Model.newInstance("vgg-a-quarter")) {
                VggNet net = VggBuilder.build(VggSpec.cifar(VggConfig.A, 0.25));
                Initialisation.GLOROT.applyTo(net);
                model.setBlock(net);
                try (Trainer trainer = model.newTrainer(recipe())) {
                    trainer.initialize(new Shape(BATCH, 3, CROP, CROP));
                    NDManager manager = trainer.getManager();
                    NDArray[] images = new NDArray[8];
                    NDArray[] labels = new NDArray[8];
                    for (int k = 0; k < images.length; k++) {
                        images[k] = manager.randomNormal(new Shape(BATCH, 3, CROP, CROP));
                        labels[k] = manager.randomInteger(0, 10, new Shape(BATCH), DataType.INT64);
                    }
                    int[] next = {0};
                    Supplier<NDList[]> randomBatch = () -> {
                        int k = next[0]++ % images.length;
                        return new NDList[] {new NDList(images[k].duplicate()), new NDList(labels[k].duplicate())};
                    };
                    NDArray[] realImages = new NDArray[images.length];
                    NDArray[] realLabels = new NDArray[images.length];
                    try (BatchIterator iterator = batches.epoch(manager, ROUNDS)) {
                        for (int k = 0; k < realImages.length; k++) {
                            io.vggsuite.data.Batch batch = iterator.next();
                            realImages[k] = batch.images();
                            realLabels[k] = batch.labels();
                        }
                    }
                    int[] nextReal = {0};
                    Supplier<NDList[]> premadeBatch = () -> {
                        int k = nextReal[0]++ % realImages.length;
                        return new NDList[] {new NDList(realImages[k].duplicate()), new NDList(realLabels[k].duplicate())};
                    };
                    int epoch = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        random[round] = train(trainer, randomBatch);
                        premade[round] = train(trainer, premadeBatch);
                        try (NDManager epochManager = manager.newSubManager();
                                BatchIterator iterator = batches.epoch(epochManager, epoch++)) {
                            fed[round] = train(trainer, () -> {
                                io.vggsuite.data.Batch batch = iterator.next();
                                return new NDList[] {new NDList(batch.images()), new NDList(batch.labels())};
                            });
                        }
                    }
                }
            }
            double bestRandom = Arrays.stream(random).max().orElseThrow();
            double bestPremade = Arrays.stream(premade).max().orElseThrow();
            double bestFed = Arrays.stream(fed).max().orElseThrow();
            System.out.printf("train VGG-A width 1/4, batch %d, random tensors: %.0f images/s (rounds %s)%n",
                    BATCH, bestRandom, rounded(random));
            System.out.printf("train VGG-A width 1/4, batch %d, pre-made pipeline batches: %.0f images/s (rounds %s)%n",
                    BATCH, bestPremade, rounded(premade));
            System.out.printf("train VGG-A width 1/4, batch %d, fed live by the pipeline: %.0f images/s (rounds %s)%n",
                    BATCH, bestFed, rounded(fed));
            System.out.printf("pipeline alone / training on random tensors: %.1f× (target ≥ 5×)%n", pipeline / bestRandom);
            System.out.printf("fed / random tensors: %.3f (target ≥ 0.95); fed / pre-made real batches: %.3f%n",
                    bestFed / bestRandom, bestFed / bestPremade);
        }
    }

    /** One full epoch of batches created and closed on a CPU manager, nothing else. */
    private static double pipelineAlone(TrainingBatches batches) {
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            long start = System.nanoTime();
            int images = 0;
            try (BatchIterator iterator = batches.epoch(manager, 0)) {
                while (iterator.hasNext()) {
                    try (io.vggsuite.data.Batch batch = iterator.next()) {
                        images += batch.size();
                    }
                }
            }
            return images / seconds(start);
        }
    }

    /** Images per second over {@value #TIMED_STEPS} SGD steps after {@value #WARM_UP_STEPS} untimed ones. */
    private static double train(Trainer trainer, Supplier<NDList[]> source) {
        long start = 0;
        for (int step = 0; step < WARM_UP_STEPS + TIMED_STEPS; step++) {
            if (step == WARM_UP_STEPS) {
                start = System.nanoTime();
            }
            NDList[] inputs = source.get();
            try (ai.djl.training.dataset.Batch batch = new ai.djl.training.dataset.Batch(
                    trainer.getManager().newSubManager(), inputs[0], inputs[1], BATCH,
                    Batchifier.STACK, Batchifier.STACK, step, WARM_UP_STEPS + TIMED_STEPS)) {
                EasyTrain.trainBatch(trainer, batch);
                trainer.step();
            }
        }
        return TIMED_STEPS * BATCH / seconds(start);
    }

    /** Section 3.1's optimiser: SGD with momentum 0.9 and weight decay 5·10⁻⁴ at learning rate 10⁻². */
    private static DefaultTrainingConfig recipe() {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd()
                        .setLearningRateTracker(Tracker.fixed(0.01f))
                        .optMomentum(0.9f)
                        .optWeightDecays(5e-4f)
                        .build())
                .optDevices(Devices.forTraining());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String rounded(double[] values) {
        return Arrays.toString(Arrays.stream(values).map(Math::rint).toArray());
    }
}
