package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.data.TrainScale;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.Provenance;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.RunStatus;
import io.vggsuite.testing.TinyImageFolder;
import io.vggsuite.testing.TinyNets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTrainerTest {

    @TempDir
    static Path data;

    @TempDir
    Path results;

    @BeforeAll
    static void writeImages() throws IOException {
        TinyImageFolder.write(data, 100, 10);
    }

    static RunSpec tinyRun(float learningRate, int epochs) {
        return tinyRun(learningRate, epochs, TinyNets.WIDTH);
    }

    static RunSpec tinyRun(float learningRate, int epochs, double width) {
        VggSpec model = VggSpec.of(VggConfig.A).withClasses(TinyImageFolder.CLASSES).withWidth(width).withCrop(32);
        Recipe recipe = Recipe.paper().withBatchSize(10).withLearningRate(learningRate).withMaxEpochs(epochs)
                .withSchedule(new LearningRateSchedule.Milestones(List.of()));
        return RunSpec.builder().data(DataSpec.of(DataSpec.IMAGE_FOLDER_PREFIX + data).withValidationImages(40)
                .withSplitSeed(3)).model(model)
                .paperScale(TrainScale.fixed(256)).colourShift(false)
                .start(new Start.FromScratch(Initialisation.GLOROT)).recipe(recipe).seed(5).build();
    }

    private RunTrainer trainer() {
        return RunTrainer.into(results, new DataCatalog(), CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("test"));
    }

    @Test
    void aCompletedRunIsServedFromTheCacheNotTrainedAgain() throws IOException {
        RunSpec spec = tinyRun(0.01f, 2);
        TrainedRun first = trainer().train(spec);
        assertEquals(TrainedRun.Outcome.TRAINED, first.outcome());
        assertEquals(2, first.folder().epochs().size());
        Path epochs = first.folder().dir().resolve("epochs.csv");
        FileTime written = Files.getLastModifiedTime(epochs);

        TrainedRun second = trainer().train(spec);
        assertEquals(TrainedRun.Outcome.CACHED, second.outcome());
        assertEquals(written, Files.getLastModifiedTime(epochs));
    }

    @Test
    void aHugeLearningRateIsRecordedAsDivergedAndTheNextRunStillTrains() throws IOException {
        TrainedRun diverged = trainer().train(tinyRun(1e9f, 2));
        assertTrue(diverged.diverged());
        assertEquals(RunStatus.DIVERGED, diverged.folder().status());
        assertEquals(1, diverged.divergence().get().epoch());

        TrainedRun next = trainer().train(tinyRun(0.01f, 1));
        assertFalse(next.diverged());
        assertEquals(RunStatus.COMPLETE, next.folder().status());
    }

    @Test
    void provenanceNamesEveryRequiredFact() throws IOException {
        TrainedRun run = trainer().train(tinyRun(0.01f, 1));
        Provenance provenance = run.folder().provenance().orElseThrow();
        assertEquals(List.of(), provenance.missing());
        for (String key : ProvenanceKeys.REQUIRED) {
            assertFalse(provenance.require(key).isBlank(), key);
        }
        assertEquals(run.spec().hash(), provenance.require(ProvenanceKeys.CONFIG_HASH));
        assertEquals("complete", provenance.require(ProvenanceKeys.STATUS));
    }

    @Test
    void theSameSeedGivesTheSameNumbers() throws IOException {
        List<EpochRecord> first = trainer().train(tinyRun(0.01f, 2)).folder().epochs();
        Path elsewhere = results.resolve("again");
        List<EpochRecord> second = RunTrainer.into(elsewhere, new DataCatalog(), CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("test"))
                .train(tinyRun(0.01f, 2)).folder().epochs();
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).trainLoss(), second.get(i).trainLoss(), "train loss, epoch " + (i + 1));
            assertEquals(first.get(i).validationTop1Error(), second.get(i).validationTop1Error());
        }
    }

    @Test
    void withTheStepTraceOnEachStepWritesItsLossGradientsAndWeightsAndTheSameSeedWritesTheSameTrace()
            throws IOException {
        assertFalse(Files.exists(trainer().train(tinyRun(0.01f, 1)).folder().dir().resolve(StepTrace.FILE)),
                "no trace unless -D" + StepTrace.PROPERTY + "=true");
        System.setProperty(StepTrace.PROPERTY, "true");
        try {
            Path first = trainer().train(tinyRun(0.01f, 2)).folder().dir().resolve(StepTrace.FILE);
            Path second = RunTrainer.into(results.resolve("again"), new DataCatalog(), CentreCropValidation.INSTANCE)
                    .withProvenance(RunProvenance.forBudget("test")).train(tinyRun(0.01f, 2)).folder().dir()
                    .resolve(StepTrace.FILE);
            List<String> lines = Files.readAllLines(first);
            assertEquals(0, lines.size() % 3, "three lines a step: " + lines.size());
            assertTrue(lines.get(0).matches("epoch 1 batch 0 forward images=\\p{XDigit}+ scores=\\p{XDigit}+ loss=\\p{XDigit}+"),
                    lines.get(0));
            assertTrue(lines.get(1).startsWith("epoch 1 batch 0 gradients ") && lines.get(1).contains("Conv2d_weight="),
                    lines.get(1));
            assertTrue(lines.get(2).startsWith("epoch 1 batch 0 weights "), lines.get(2));
            assertTrue(lines.get(lines.size() - 1).startsWith("epoch 2 batch "), lines.get(lines.size() - 1));
            assertEquals(lines, Files.readAllLines(second), "the same seed's second run");
        } finally {
            System.clearProperty(StepTrace.PROPERTY);
        }
    }

    @Test
    void aFewEpochsLearnTheTinyClassesWellAboveChance() throws IOException {
        TrainedRun run = trainer().train(tinyRun(0.002f, 8, 0.25));
        List<EpochRecord> epochs = run.folder().epochs();
        // The best epoch, not the last: on these 360 easy images the loss nears zero within a few
        // epochs and then spikes now and then (momentum on a saturated softmax), at epochs that move
        // with the CPU's kernels; learning is what this checks.
        String trajectory = "loss / validation top-1 error per epoch: " + epochs.stream()
                .map(e -> String.format(java.util.Locale.ROOT, "%.3f / %.1f%%", e.trainLoss(), e.validationTop1Error()))
                .toList();
        double firstLoss = epochs.get(0).trainLoss();
        double lowestLater = epochs.stream().skip(1).mapToDouble(EpochRecord::trainLoss).min().orElseThrow();
        double bestError = epochs.stream().mapToDouble(EpochRecord::validationTop1Error).min().orElseThrow();
        assertTrue(lowestLater < 0.8 * firstLoss, "loss did not fall; " + trajectory);
        assertTrue(bestError < 70, "never well above chance (75%); " + trajectory);
    }

    @Test
    void aNonFiniteLossTheReplayDoesNotReproduceIsRecordedAndTheRunEqualsOneThatNeverMetIt() throws IOException {
        for (int faultyEpoch : new int[] {1, 2}) {
            AtomicBoolean struck = new AtomicBoolean();
            TrainedRun faulty = RunTrainer.into(results.resolve("faulty-" + faultyEpoch), new DataCatalog(),
                            CentreCropValidation.INSTANCE)
                    .withProvenance(RunProvenance.forBudget("test"))
                    .withLossFault((epoch, batch, loss) -> epoch == faultyEpoch && batch == 3 && !struck.getAndSet(true)
                            ? Double.NaN : loss)
                    .train(tinyRun(0.01f, 2));
            TrainedRun clean = RunTrainer.into(results.resolve("clean-" + faultyEpoch), new DataCatalog(),
                            CentreCropValidation.INSTANCE)
                    .withProvenance(RunProvenance.forBudget("test"))
                    .train(tinyRun(0.01f, 2));

            assertTrue(struck.get(), "the fault was injected");
            assertEquals(RunStatus.COMPLETE, faulty.folder().status());
            String from = faultyEpoch == 1 ? "the initial weights" : "epoch 1";
            assertEquals("epoch " + faultyEpoch + " batch 4: replayed from " + from + ", finite",
                    faulty.folder().provenance().orElseThrow().require(ProvenanceKeys.LOSS_NOT_FINITE));
            assertEquals(clean.folder().epochs().stream().map(e -> List.of(e.trainLoss(), e.validationTop1Error()))
                            .toList(),
                    faulty.folder().epochs().stream().map(e -> List.of(e.trainLoss(), e.validationTop1Error()))
                            .toList(),
                    "the replayed run's curve, fault in epoch " + faultyEpoch);
            assertArrayEquals(Files.readAllBytes(clean.modelFile()), Files.readAllBytes(faulty.modelFile()),
                    "the replayed run's weights, fault in epoch " + faultyEpoch);
            assertTrue(clean.folder().provenance().orElseThrow().get(ProvenanceKeys.LOSS_NOT_FINITE).isEmpty());
        }
    }

    @Test
    void aNonFiniteLossTheReplayReproducesEndsTheRunAsDivergedInThatEpoch() throws IOException {
        TrainedRun run = trainer()
                .withLossFault((epoch, batch, loss) -> epoch == 2 && batch == 3 ? Double.NaN : loss)
                .train(tinyRun(0.01f, 3));

        assertEquals(RunStatus.DIVERGED, run.folder().status());
        assertEquals(2, run.divergence().orElseThrow().epoch());
        assertEquals("epoch 2 batch 4: replayed from epoch 1, not finite again",
                run.folder().provenance().orElseThrow().require(ProvenanceKeys.LOSS_NOT_FINITE));
        assertEquals(1, run.folder().epochs().size(), "the epochs before the divergence are kept");
    }
}
