package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.vggsuite.data.TrainScale;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.eval.FinalEvaluation;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.testing.TinyImageFolder;
import io.vggsuite.testing.TinyNets;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard of Step 14: a campaign of many runs in one JVM (the ablation's test JVM) keeps memory
 * flat only if every NDArray a run or an evaluation makes is closed with it. Native arrays are
 * invisible to the garbage collector; one left open per run or per evaluation pass adds up over 16
 * runs × 74 epochs. A leak check, not a timing: counts of open arrays, no clock.
 */
class NativeArrayLeakTest {

    private static final List<Integer> Q256 = List.of(256);
    private static final List<Integer> Q_ALL = List.of(256, 384, 512);

    @TempDir
    Path data;

    @TempDir
    Path results;

    @Test
    void noNativeArrayStaysOpenAfterEachRunAndItsEvaluationsClose(TestReporter reporter) throws IOException {
        TinyImageFolder.write(data, 12, 4);
        DataCatalog catalog = new DataCatalog();
        RunTrainer trainer = RunTrainer.into(results, catalog, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("test"));
        FinalEvaluation evaluation = new FinalEvaluation(catalog);
        RunSpec netA = run(VggConfig.A, new Start.FromScratch(Initialisation.GLOROT), 1);
        // From scratch, warm-started from A (parent loaded into a scope), fine-tuned from a parent, LRN.
        List<RunSpec> runs = List.of(netA,
                run(VggConfig.B, new Start.WarmStartFromA(netA, Initialisation.GLOROT), 1),
                run(VggConfig.A, new Start.FineTune(netA), 1),
                run(VggConfig.A_LRN, new Start.FromScratch(Initialisation.PAPER_NORMAL), 2));
        int before = ProcessMemory.countOpenArrays();
        for (RunSpec spec : runs) {
            TrainedRun run = trainer.train(spec);
            assertFalse(run.diverged(), spec.runId() + " diverged");
            assertEquals(before, ProcessMemory.countOpenArrays(), "NDArrays left open after training " + spec.runId());
            evaluation.evaluate(run, EvalMethod.CENTRE_CROP, Q256);
            evaluation.evaluate(run, EvalMethod.DENSE_AND_MULTI_CROP, Q_ALL);
            assertEquals(before, ProcessMemory.countOpenArrays(), "NDArrays left open after evaluating "
                    + spec.runId());
            reporter.publishEntry(spec.runId(), ProcessMemory.countOpenArrays() + " arrays open, "
                    + ProcessMemory.now().residentBytes().orElse(0) / (1024 * 1024) + " MiB resident");
        }
    }

    /**
     * Within a run the model's manager holds the parameters and momentum until the run ends, so a
     * per-step or per-epoch leak onto it would pass the check above yet grow over 74 epochs: the
     * count at each epoch's end must not grow.
     */
    @Test
    void theOpenArraysDoNotGrowFromEpochToEpochWithinARun() throws IOException {
        TinyImageFolder.write(data, 12, 4);
        List<Integer> openAtEpochEnd = new ArrayList<>();
        PrintStream counting = new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public PrintStream format(Locale locale, String format, Object... args) {
                // Progress prints one line per epoch, after the epoch's validation and checkpoint.
                if (format.contains(" epoch %d/%d loss")) {
                    openAtEpochEnd.add(ProcessMemory.countOpenArrays());
                }
                return this;
            }
        };
        RunTrainer trainer = RunTrainer.into(results, new DataCatalog(), CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("test"))
                .withProgress(Progress.lines(counting));
        RunSpec spec = run(VggConfig.A, new Start.FromScratch(Initialisation.GLOROT), 4);
        trainer.train(spec.withRecipe(spec.recipe().withMaxEpochs(3)));
        assertEquals(3, openAtEpochEnd.size(), "epoch lines seen: " + openAtEpochEnd);
        assertEquals(openAtEpochEnd.get(0), openAtEpochEnd.get(2), "open arrays at each epoch's end: " + openAtEpochEnd);
    }

    @Test
    void theCountSeesAnArrayLeftOpenInABaseManager() {
        int before = ProcessMemory.countOpenArrays();
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.newSubManager().create(new float[] {1, 2, 3});
            assertEquals(before + 1, ProcessMemory.countOpenArrays());
        }
        assertEquals(before, ProcessMemory.countOpenArrays());
    }

    @Test
    void aRunRecordsItsPeakResidentMemoryInItsProvenance() throws IOException {
        TinyImageFolder.write(data, 12, 4);
        RunTrainer trainer = RunTrainer.into(results, new DataCatalog(), CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("test"));
        TrainedRun run = trainer.train(run(VggConfig.A, new Start.FromScratch(Initialisation.GLOROT), 3));
        long peakMib = run.folder().provenance().orElseThrow().getLong(ProvenanceKeys.PEAK_RSS_MIB).orElseThrow();
        long residentMib = ProcessMemory.now().residentBytes().orElseThrow() / (1024 * 1024);
        // The JVM alone holds more than 64 MiB; the peak of a session is at least what is resident
        // at its end, give or take what the collector returned since.
        assertTrue(peakMib > 64, "peak " + peakMib + " MiB");
        assertTrue(peakMib * 2 > residentMib, "peak " + peakMib + " MiB, resident now " + residentMib + " MiB");
    }

    @Test
    void anEvaluationRecordsItsPeakResidentMemoryInTheRunsProvenanceAndKeepsTheLargest() throws IOException {
        TinyImageFolder.write(data, 12, 4);
        DataCatalog catalog = new DataCatalog();
        RunTrainer trainer = RunTrainer.into(results, catalog, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("test"));
        TrainedRun run = trainer.train(run(VggConfig.A, new Start.FromScratch(Initialisation.GLOROT), 5));
        assertTrue(run.folder().provenance().orElseThrow().get(ProvenanceKeys.PEAK_RSS_MIB_EVALUATION).isEmpty(),
                "no evaluation yet, no evaluation peak");
        FinalEvaluation evaluation = new FinalEvaluation(catalog);
        evaluation.evaluate(run, EvalMethod.DENSE, Q_ALL);
        long afterDense = run.folder().provenance().orElseThrow()
                .getLong(ProvenanceKeys.PEAK_RSS_MIB_EVALUATION).orElseThrow();
        assertTrue(afterDense > 64, "evaluation peak " + afterDense + " MiB");
        // A later, lighter evaluation never lowers the recorded peak; a cached one records nothing.
        evaluation.evaluate(run, EvalMethod.CENTRE_CROP, Q256);
        evaluation.evaluate(run, EvalMethod.DENSE, Q_ALL);
        long atEnd = run.folder().provenance().orElseThrow()
                .getLong(ProvenanceKeys.PEAK_RSS_MIB_EVALUATION).orElseThrow();
        assertTrue(atEnd >= afterDense, "peak went from " + afterDense + " to " + atEnd + " MiB");
        assertTrue(run.folder().provenance().orElseThrow().getLong(ProvenanceKeys.PEAK_RSS_MIB).isPresent(),
                "the training peak is kept beside it");
    }

    private RunSpec run(VggConfig config, Start start, long seed) {
        VggSpec model = VggSpec.of(config).withClasses(TinyImageFolder.CLASSES).withWidth(TinyNets.WIDTH).withCrop(32);
        Recipe recipe = Recipe.paper().withBatchSize(8).withLearningRate(0.01f).withMaxEpochs(1)
                .withSchedule(new LearningRateSchedule.Milestones(List.of()));
        return RunSpec.builder().data(DataSpec.of(DataSpec.IMAGE_FOLDER_PREFIX + data).withValidationImages(8)
                .withSplitSeed(3)).model(model)
                .paperScale(TrainScale.fixed(256)).colourShift(false).start(start).recipe(recipe).seed(seed).build();
    }
}
