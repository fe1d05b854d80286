package io.vggsuite.cli;

import io.vggsuite.data.TrainScale;
import io.vggsuite.eval.Scores;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.DataSpec;
import io.vggsuite.train.FinalEvaluation;
import io.vggsuite.train.LearningRateSchedule;
import io.vggsuite.train.Progress;
import io.vggsuite.train.Recipe;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.Start;
import io.vggsuite.train.TrainedRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
        DataSpec dataSpec = new DataSpec(dataset, trainImages, validationImages, testImages, 0);
        DataCatalog data = new DataCatalog();
        DataCatalog.Loaded images = data.load(dataSpec);
        RunSpec spec = spec(dataSpec, images.train().classes().size(), images.train().channels());
        PrintWriter out = command.commandLine().getOut();
        TrainedRun run = new RunTrainer(results, data, RunProvenance.forBudget("cli"), Progress.forEnvironment())
                .train(spec);
        out.println("run " + spec.runId() + " (" + run.outcome().name().toLowerCase(Locale.ROOT) + ") in "
                + run.folder().dir());
        if (run.diverged()) {
            out.println("diverged at epoch " + run.divergence().get().epoch());
            return 1;
        }
        FinalEvaluation evaluation = new FinalEvaluation(data);
        List<Integer> q = List.of(spec.paperScale().isJittered()
                ? (spec.paperScale().min() + spec.paperScale().max()) / 2
                : spec.paperScale().min());
        for (String id : methods) {
            EvalMethod method = EvalMethod.fromId(id);
            Scores scores = evaluation.evaluate(run, method, q);
            out.printf(Locale.ROOT, "%-17s Q %s: top-1 error %.2f%%, top-5 error %.2f%% (%d images)%n",
                    method.id(), q, scores.top1Error(), scores.top5Error(), scores.images());
        }
        return 0;
    }

    private RunSpec spec(DataSpec dataSpec, int classes, int channels) {
        VggConfig configuration = VggConfig.fromName(config);
        Initialisation initialisation = switch (init) {
            case "glorot" -> Initialisation.GLOROT;
            case "paper-normal" -> Initialisation.PAPER_NORMAL;
            default -> throw new IllegalArgumentException("--init: unknown initialisation '" + init
                    + "', expected glorot or paper-normal");
        };
        if (epochs < 0) {
            throw new IllegalArgumentException("--epochs must be ≥ 0, got " + epochs);
        }
        VggSpec model = new VggSpec(configuration, classes, channels, width, crop);
        Recipe recipe = Recipe.paper().withBatchSize(batch).withLearningRate(learningRate).withMaxEpochs(epochs)
                .withSchedule(learningRateDrops.isEmpty() ? LearningRateSchedule.Plateau.paper()
                        : new LearningRateSchedule.Milestones(learningRateDrops));
        return new RunSpec(dataSpec, model, paperScale(), true, true, new Start.FromScratch(initialisation), recipe, seed);
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
            throw new IllegalArgumentException("--scale: '" + scale + "' is not 256, 384, jitter or MIN-MAX");
        }
    }
}
