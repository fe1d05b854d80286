package io.vggsuite.reliability;

import io.vggsuite.data.TrainScale;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.eval.FinalEvaluation;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.testing.TinyImageFolder;
import io.vggsuite.testing.TinyNets;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A multi-run budget small enough to kill twenty times in a few minutes: six runs of a 1/8-width
 * net on a {@link TinyImageFolder}, three epochs each, then two test-set evaluations of each, all
 * into one results folder, as an ablation budget does. {@code main(dataDir, resultsDir)} runs it
 * in a child JVM. Six, not five: with five, the twenty kills could use up the budget's writes, and
 * it ended before kill 18 once (CI, 2026-12-06; each kill that waits for an evaluation's write lets
 * a whole run train first).
 *
 * <p>Width 1/8, not narrower: every convolution then has 8 channels or more, oneDNN's AVX2 block.
 * At 1/16 the 4-channel layers take their gradient from a kernel that reads the unwritten padding
 * of the block (docs/determinism.md), so a killed and resumed process could see a NaN the
 * uninterrupted one did not (A-LRN diverged in epoch 2 of a KillNineTest on 2026-12-06), and the
 * trainer now refuses such a net on the CPU ({@code testing.TinyNets}).
 */
final class TinyBudget {

    static final int EPOCHS = 3;
    static final List<EvalMethod> METHODS = List.of(EvalMethod.CENTRE_CROP, EvalMethod.MULTI_CROP);
    static final List<Integer> PAPER_Q = List.of(256);

    private TinyBudget() {}

    /** Images for the budget: 80 training (20 of them held out for validation) and 40 test. */
    static void writeImages(Path data) throws IOException {
        TinyImageFolder.write(data, 20, 10);
    }

    static List<RunSpec> runs(Path data) {
        return List.of(run(data, VggConfig.A, 1), run(data, VggConfig.A, 2), run(data, VggConfig.A, 3),
                run(data, VggConfig.A_LRN, 1), run(data, VggConfig.B, 1), run(data, VggConfig.A, 4));
    }

    static RunSpec run(Path data, VggConfig config, long seed) {
        VggSpec model = VggSpec.of(config).withClasses(TinyImageFolder.CLASSES).withWidth(TinyNets.WIDTH).withCrop(32);
        Recipe recipe = Recipe.paper().withBatchSize(10).withLearningRate(0.01f).withMaxEpochs(EPOCHS)
                .withSchedule(new LearningRateSchedule.Milestones(List.of(2)));
        return RunSpec.builder().data(DataSpec.of(DataSpec.IMAGE_FOLDER_PREFIX + data).withValidationImages(20)
                .withSplitSeed(3)).model(model)
                .paperScale(TrainScale.fixed(256)).start(new Start.FromScratch(Initialisation.GLOROT)).recipe(recipe)
                .seed(seed).build();
    }

    static void trainAndEvaluate(Path data, Path results, Progress progress) throws IOException {
        DataCatalog catalog = new DataCatalog();
        RunTrainer trainer = RunTrainer.into(results, catalog, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("reliability"))
                .withProgress(progress);
        FinalEvaluation evaluation = new FinalEvaluation(catalog);
        for (RunSpec spec : runs(data)) {
            TrainedRun run = trainer.train(spec);
            for (EvalMethod method : METHODS) {
                evaluation.evaluate(run, method, PAPER_Q);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        trainAndEvaluate(Path.of(args[0]), Path.of(args[1]), Progress.lines(System.out));
    }
}
