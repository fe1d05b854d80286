package io.vggsuite.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.data.Augmentation;
import io.vggsuite.data.ScaleMapping;
import io.vggsuite.data.TestViews;
import io.vggsuite.data.TrainingBatches;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.eval.Evaluator;
import io.vggsuite.eval.DensePadding;
import io.vggsuite.eval.Protocol;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.train.ComputeThroughput;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.Devices;
import io.vggsuite.train.Progress;
import io.vggsuite.train.Recipe;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.Start;
import io.vggsuite.train.TrainedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One cell of the quick budget in a JVM of its own, so that its peak resident memory is its own:
 * {@link PerformanceBenchmark} starts one per configuration and reads the {@code cell.} lines it
 * prints. In order:
 *
 * <ol>
 *   <li>loads the data through {@link DataCatalog}, as a budget does (decoded store cache);
 *   <li>trains the net end to end with {@link RunTrainer}, the suite's own loop (live augmentation
 *       by {@code TrainingBatches}, SGD step, per-epoch validation, checkpoint), for the size's
 *       epochs, and reports the last epoch's images/s from its {@code epochs.csv} row;
 *   <li>evaluates the trained net on test images by centre crop, dense (the paper's one pass and
 *       the windows alone that the CIFAR budgets run) and multi-crop at the
 *       single test scale Q of jittered S (Section 4.1), with each protocol's own images per pass
 *       (as the final evaluation batches them), and reports test images/s of each;
 *   <li>reads its own peak resident set size ({@code VmHWM} in {@code /proc/self/status});
 *   <li>measures the matrix-product ceiling again, then compute-only training throughput with {@link
 *       ComputeThroughput} (random tensors), so that the two are minutes closer than the first ceiling;
 *   <li>measures the input pipeline's cost paired: the same net trained in alternating short blocks
 *       fed live by {@code TrainingBatches} with the run's augmentation and fed pre-made tensors, so
 *       that the machine's drifting speed (±25% between minutes on a shared host) cancels;
 *   <li>records a few compute-only steps with PyTorch's profiler ({@link OpProfile}): where the
 *       step's time goes, by operator.
 * </ol>
 *
 * Arguments: the configuration's letter, the size's name, a results folder (emptied by the caller).
 */
public final class SuiteCell {

    /** PyTorch's CPU operators of a convolution's forward pass: oneDNN's kernel and its wrappers. */
    private static final String[] CONV_FORWARD = {"aten::mkldnn_convolution", "aten::_convolution",
        "aten::convolution", "aten::conv2d"};
    private static final String CONV_BACKWARD = "aten::convolution_backward";

    /** The quick budget's seed. */
    private static final long SEED = 1;
    private SuiteCell() {}

    public static void main(String[] args) throws IOException {
        VggConfig config = VggConfig.valueOf(args[0]);
        BenchmarkSize size = BenchmarkSize.named(args[1]);
        Path results = Path.of(args[2]);
        Budget quick = Budget.QUICK;
        VggSpec model = VggSpec.of(config).withClasses(10).withWidth(quick.width()).withCrop(quick.crop());
        RunSpec spec = RunSpec.builder().data(size.data()).model(model).paperScale(AblationPlan.JITTERED)
                .start(new Start.FromScratch(Initialisation.GLOROT))
                .recipe(Recipe.paper().withBatchSize(quick.batchSize()).withMaxEpochs(size.epochs())
                        .withSchedule(quick.schedule()))
                .seed(SEED).build();
        Engine.getInstance(); // loads the natives that JniUtils calls into
        print(CellKey.THREADS, JniUtils.getNumThreads());
        print(CellKey.INTEROP_THREADS, JniUtils.getNumInteropThreads());

        DataCatalog catalog = new DataCatalog();
        long start = System.nanoTime();
        DataCatalog.Loaded images = catalog.load(spec.data());
        print(CellKey.LOAD_SECONDS, seconds(start));
        print(CellKey.TRAIN_IMAGES, images.train().size());

        Files.createDirectories(results);
        TrainedRun run = RunTrainer.into(results, catalog, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("benchmark"))
                .withProgress(Progress.forEnvironment())
                .train(spec);
        List<EpochRecord> epochs = run.folder().epochs();
        EpochRecord last = epochs.get(epochs.size() - 1);
        print(CellKey.END_TO_END, last.imagesPerSecond());
        print(CellKey.END_TO_END_EPOCHS, epochs.stream().map(e -> String.format(Locale.ROOT, "%.0f", e.imagesPerSecond()))
                .toList());

        int q = ScaleMapping.forCrop(model.cropSize()).singleScaleQ(spec.paperScale());
        print(CellKey.EVAL_Q, q);
        int n = Math.min(size.evalImages(), images.test().size());
        print(CellKey.EVAL_IMAGES, n);
        try (NDManager manager = NDManager.newBaseManager(Devices.primary())) {
            VggNet net = run.load(manager);
            TestViews views = new TestViews(images.test(), images.preprocessing(), model.cropSize());
            Protocol centre = new Protocol.CentreCrop(List.of(q));
            Protocol dense = new Protocol.Dense(List.of(q));
            // What the CIFAR budgets run (Budget.densePadding): each window alone, zero-padded as in training.
            Protocol windows = new Protocol.Dense(List.of(q), true, DensePadding.ZEROS);
            Protocol multiCrop = new Protocol.MultiCrop(List.of(q));
            int densePerPass = dense.imagesPerPass(model.cropSize());
            print(CellKey.EVAL_DENSE_PER_PASS, densePerPass);
            print(CellKey.EVAL_CENTRE, evaluate(new Evaluator(net, manager, views,
                    centre.imagesPerPass(model.cropSize())), centre, n));
            print(CellKey.EVAL_DENSE, evaluate(new Evaluator(net, manager, views, densePerPass), dense, n));
            print(CellKey.EVAL_DENSE_WINDOWS, evaluate(new Evaluator(net, manager, views,
                    windows.imagesPerPass(model.cropSize())), windows, n));
            print(CellKey.EVAL_MULTI_CROP, evaluate(new Evaluator(net, manager, views,
                    multiCrop.imagesPerPass(model.cropSize())), multiCrop, n));
        }
        print(CellKey.VM_HWM_KIB, statusKib("VmHWM"));
        print(CellKey.MAX_HEAP_MIB, Runtime.getRuntime().maxMemory() >> 20);

        print(CellKey.CEILING, MatmulCeiling.gflops(size.ceilingProducts()));
        print(CellKey.COMPUTE, ComputeThroughput.imagesPerSecond(model, quick.batchSize(), size.computeWarmup(),
                size.computeSteps()));

        Augmentation augmentation = new Augmentation(spec.trainScale(), model.cropSize(), spec.flip(),
                spec.colourShift());
        try (TrainingBatches batches = new TrainingBatches(images.train(), images.preprocessing(), augmentation,
                quick.batchSize(), SEED)) {
            ComputeThroughput.FedVersusPremade paired = ComputeThroughput.fedVersusPremade(model, batches,
                    size.pairedBlocks(), size.pairedStepsPerBlock());
            print(CellKey.PAIRED_FED, paired.fed());
            print(CellKey.PAIRED_PREMADE, paired.premade());
        }

        Path trace = results.resolve("profile-trace.json");
        OpProfile.Profile profile = OpProfile.of(model, quick.batchSize(), size.computeWarmup(), size.profileSteps(),
                trace);
        print(CellKey.PROFILE_WALL_MS, profile.wallMillisPerStep());
        print(CellKey.PROFILE_OPERATOR_MS, profile.operatorMillisPerStep());
        print(CellKey.PROFILE_CONV_FORWARD_MS, profile.millisPerStep(CONV_FORWARD));
        print(CellKey.PROFILE_CONV_BACKWARD_MS, profile.millisPerStep(CONV_BACKWARD));
        List<OpProfile.Op> others = profile.ops().stream()
                .filter(op -> !List.of(CONV_FORWARD).contains(op.name()) && !op.name().equals(CONV_BACKWARD))
                .limit(3).toList();
        for (int i = 0; i < others.size(); i++) {
            print(CellKey.PROFILE_OTHER.key(i), String.format(Locale.ROOT, "%s:%.2f", others.get(i).name(),
                    others.get(i).millisPerStep()));
        }
    }

    /** Test images per second of {@code protocol} over the first {@code n} test images, after one untimed pass. */
    private static double evaluate(Evaluator evaluator, Protocol protocol, int n) {
        evaluator.evaluate(protocol, 0, Math.min(n, 8));
        long start = System.nanoTime();
        evaluator.evaluate(protocol, 0, n);
        return n / seconds(start);
    }

    /** A {@code kB} field of {@code /proc/self/status}, such as VmHWM (the peak resident set size). */
    static long statusKib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IOException("/proc/self/status has no " + field);
    }

    private static void print(CellKey key, Object value) {
        print(key.key(), value);
    }

    private static void print(String key, Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(value);
        System.out.println(CellKey.PREFIX + key + "=" + text);
        System.out.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
