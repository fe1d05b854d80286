package io.vggsuite.cli;

import io.vggsuite.data.ScaleMapping;
import io.vggsuite.data.TrainScale;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.eval.FinalEvaluation;
import io.vggsuite.eval.Scores;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.DataSpec;
import io.vggsuite.train.LearningRateSchedule;
import io.vggsuite.train.Progress;
import io.vggsuite.train.Recipe;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.Start;
import io.vggsuite.train.TrainedRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains one cell (from scratch; warm starts and fine-tunes come with the ablation) and evaluates it. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one VGG configuration and evaluate it on the test set.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--config", required = true, description = "A, A-LRN, B, C, D, E or B-5x5 (Table 1).")
    String config;

    @Option(names = "--scale", defaultValue = "256",
            description = "Training scale S in the paper's pixels: 256, 384, jitter (= [256;512]) or MIN-MAX.")
    String scale;

    @Option(names = "--width", defaultValue = "0.25", description = "Width multiplier (1 = the paper).")
    double width;

    @Option(names = "--crop", defaultValue = "32", description = "Training crop (224 in the paper).")
    int crop;

    @Option(names = "--epochs", defaultValue = "15", description = "Epoch cap.")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "Mini-batch size (256 in the paper).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.01", description = "Initial learning rate (Section 3.1: 1e-2).")
    float learningRate;

    @Option(names = "--lr-drops", split = ",",
            description = "Epochs after which the learning rate falls by 10 (a fixed schedule for short runs);"
                    + " default: the paper's plateau rule.")
    List<Integer> learningRateDrops = List.of();

    @Option(names = "--init", defaultValue = "glorot", description = "glorot or paper-normal.")
    String init;

    @Option(names = "--seed", defaultValue = "1", description = "Drives shuffling, augmentation and init.")
    long seed;

    @Option(names = "--dataset", defaultValue = "cifar10",
            description = "cifar10, fashion-mnist or imagefolder:PATH.")
    String dataset;

    @Option(names = "--train-images", defaultValue = "0", description = "Training subset size, 0 for all.")
    int trainImages;

    @Option(names = "--validation-images", defaultValue = "5000", description = "Held out from training.")
    int validationImages;

    @Option(names = "--test-images", defaultValue = "0", description = "Test subset size, 0 for all.")
    int testImages;

    @Option(names = "--results", defaultValue = "results/cli", description = "Results folder.")
    Path results;

    @Option(names = "--eval", split = ",", defaultValue = "centre-crop,dense,multi-crop",
            description = "Evaluation methods: centre-crop, dense, multi-crop, dense+multi-crop.")
    List<String> methods;

    @Override
    public Integer call() throws Exception {
        // Every option is checked before anything is read or written, so a typo costs no data
        // loading and leaves no folder behind.
        Checked checked = checked();
        requireWritable(results);
        DataCatalog data = new DataCatalog();
        DataCatalog.Loaded images = data.load(checked.data());
        // The classes and channels come from the data: a folder of one class is the dataset's fault.
        VggSpec model = option("--dataset", () -> VggSpec.of(checked.config())
                .withClasses(images.train().classes().size()).withInputChannels(images.train().channels())
                .withWidth(width).withCrop(crop));
        RunSpec spec = RunSpec.builder().data(checked.data()).model(model).paperScale(checked.paperScale())
                .start(new Start.FromScratch(checked.initialisation())).recipe(checked.recipe()).seed(seed).build();
        PrintWriter out = command.commandLine().getOut();
        TrainedRun run = RunTrainer.into(results, data, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("cli"))
                .withProgress(Progress.forEnvironment())
                .train(spec);
        out.println("run " + spec.runId() + " (" + run.outcome().name().toLowerCase(Locale.ROOT) + ") in "
                + run.folder().dir());
        if (run.diverged()) {
            out.println("diverged at epoch " + run.divergence().get().epoch());
            return 1;
        }
        FinalEvaluation evaluation = new FinalEvaluation(data);
        List<Integer> q = List.of(spec.paperScale().singleTestScale());
        for (EvalMethod method : checked.methods()) {
            long begin = System.nanoTime();
            Scores scores = evaluation.evaluate(run, method, q);
            double seconds = (System.nanoTime() - begin) / 1e9;
            // A kept evaluation is read back, not recomputed: its time says nothing about speed.
            out.printf(Locale.ROOT, "%-17s Q %s: top-1 error %.2f%%, top-5 error %.2f%% (%d images, %.1f s, %.0f"
                    + " images/s)%n", method.id(), q, scores.top1Error(), scores.top5Error(), scores.images(),
                    seconds, scores.images() / seconds);
        }
        return 0;
    }

    /** The options, parsed and validated; each failure is an IllegalArgumentException naming its option. */
    private record Checked(VggConfig config, Initialisation initialisation, TrainScale paperScale, Recipe recipe,
            DataSpec data, List<EvalMethod> methods) {}

    private Checked checked() {
        VggConfig configuration = option("--config", () -> VggConfig.fromName(config));
        Initialisation initialisation = option("--init", () -> Initialisation.fromLabel(init));
        option("--width", () -> VggSpec.requireWidth(width));
        option("--crop", () -> VggSpec.requireCrop(crop));
        TrainScale paperScale = option("--scale", this::paperScale);
        // Every paper size refers to a 224 crop (Section 2.1): a smaller S would not hold the crop.
        require("--scale", paperScale.min() >= ScaleMapping.PAPER_CROP, "S = " + paperScale.min()
                + " is smaller than the crop, which stands for " + ScaleMapping.PAPER_CROP + " of the paper's pixels");
        // Each wither goes through Recipe's constructor, which owns the checks.
        Recipe withEpochs = option("--epochs", () -> Recipe.paper().withMaxEpochs(epochs));
        Recipe withBatch = option("--batch", () -> withEpochs.withBatchSize(batch));
        Recipe recipe = option("--lr", () -> withBatch.withLearningRate(learningRate))
                .withSchedule(learningRateDrops.isEmpty() ? LearningRateSchedule.Plateau.paper()
                        : new LearningRateSchedule.Milestones(learningRateDrops));
        option("--dataset", () -> DataSpec.requireDataset(dataset));
        option("--train-images", () -> DataSpec.requireCount("train", trainImages));
        option("--validation-images", () -> DataSpec.requireCount("validation", validationImages));
        option("--test-images", () -> DataSpec.requireCount("test", testImages));
        List<EvalMethod> evalMethods = option("--eval", () -> methods.stream().map(EvalMethod::fromId).toList());
        return new Checked(configuration, initialisation, paperScale, recipe,
                DataSpec.of(dataset).withTrainImages(trainImages).withValidationImages(validationImages)
                        .withTestImages(testImages).withSplitSeed(0), evalMethods);
    }

    private static <T> T option(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static void require(String name, boolean holds, String problem) {
        if (!holds) {
            throw new IllegalArgumentException(name + " " + problem);
        }
    }

    /**
     * Fails before training when the results folder cannot be written (a read-only mount, no
     * permission, a file in its place), checked on the nearest folder that exists, so nothing is
     * created. A disk that fills up later is reported at the first write that fails.
     */
    private static void requireWritable(Path folder) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        require("--results", existing != null && Files.isDirectory(existing),
                folder + ": " + existing + " is not a folder");
        require("--results", Files.isWritable(existing), folder + ": " + existing
                + " is not writable (a read-only file system or no permission)");
    }

    private TrainScale paperScale() {
        if (scale.equals("jitter")) {
            return TrainScale.jittered(256, 512);
        }
        try {
            int dash = scale.indexOf('-');
            return dash < 0 ? TrainScale.fixed(Integer.parseInt(scale))
                    : TrainScale.jittered(Integer.parseInt(scale.substring(0, dash)),
                            Integer.parseInt(scale.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + scale + "' is not 256, 384, jitter or MIN-MAX");
        }
    }
}
