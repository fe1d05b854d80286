package io.vggsuite.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.data.TrainScale;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.ModelVariant;
import io.vggsuite.model.Normalisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.Columns;
import io.vggsuite.results.MetricNames;
import io.vggsuite.results.ResultsFileException;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunKey;
import io.vggsuite.testing.TinyImageFolder;
import io.vggsuite.testing.TinyNets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's typed key: derived from its spec, written once into its folder, read back unchanged. */
class RunKeyTest {

    @TempDir
    static Path data;

    @TempDir
    Path results;

    @BeforeAll
    static void writeImages() throws IOException {
        TinyImageFolder.write(data, 100, 10);
    }

    private static RunSpec spec(VggConfig config, TrainScale scale, Start start, long seed) {
        return RunSpec.builder().data(DataSpec.of(DataSpec.CIFAR10).withTrainImages(5000).withValidationImages(1000)
                .withTestImages(2500).withSplitSeed(3)).model(VggSpec.cifar(config, 0.25))
                .paperScale(scale).colourShift(false).start(start).recipe(Recipe.paper()).seed(seed).build();
    }

    private static final RunSpec A = spec(VggConfig.A, TrainScale.fixed(256),
            new Start.FromScratch(Initialisation.PAPER_NORMAL), 1);
    private static final RunSpec D = spec(VggConfig.D, TrainScale.fixed(256),
            new Start.WarmStartFromA(A, Initialisation.GLOROT), 1);
    private static final RunSpec D_JITTERED = spec(VggConfig.D, TrainScale.jittered(256, 512),
            new Start.FineTune(D), 1);

    @Test
    void theKeyOfEachKindOfStartNamesItsKindInitialisationAndParent() {
        RunKey a = A.key();
        assertEquals(RunKey.StartKind.SCRATCH, a.startKind());
        assertEquals(Optional.of(Initialisation.PAPER_NORMAL), a.initialisation());
        assertEquals(Optional.empty(), a.parentRunId());
        assertEquals("paper-normal", a.start());

        RunKey d = D.key();
        assertEquals(RunKey.StartKind.WARM_START_A, d.startKind());
        assertEquals(Optional.of(Initialisation.GLOROT), d.initialisation());
        assertEquals(Optional.of(A.runId()), d.parentRunId());

        RunKey fine = D_JITTERED.key();
        assertEquals(RunKey.StartKind.FINE_TUNE, fine.startKind());
        assertEquals(Optional.empty(), fine.initialisation());
        assertEquals(Optional.of(D.runId()), fine.parentRunId());
        assertEquals(TrainScale.jittered(256, 512), fine.paperScale());
        assertEquals("[256;512]", fine.paperScaleLabel());
        assertEquals(new RunKey.Data("cifar10", 5000, 1000, 2500, 3), fine.data());
        assertEquals(D_JITTERED.runId(), fine.runId());
        assertEquals(0.25, fine.width());
        assertEquals(32, fine.crop());
    }

    @Test
    void everyKindOfKeyReadsBackFromItsFolderAsWritten() {
        for (RunSpec spec : List.of(A, D, D_JITTERED)) {
            RunFolder folder = RunFolder.at(results, spec.runId());
            assertEquals(Optional.empty(), folder.key());
            folder.writeKey(spec.key());
            assertEquals(Optional.of(spec.key()), folder.key(), spec.runId());
        }
    }

    /** ci's baselines name runs by the key: configuration, width, the paper's scale and the start. */
    @Test
    void theMetricNameOfAKeyNamesConfigurationWidthScaleAndStart() {
        assertEquals("D w1/4 S[256;512] fine-tune", MetricNames.run(D_JITTERED.key()));
    }

    /** Two runs that differ only in width must not share a baseline row. */
    @Test
    void runsThatDifferOnlyInWidthHaveDifferentMetricNames() {
        RunSpec wider = D.toBuilder().model(D.model().withWidth(0.5)).build();
        assertEquals("D w1/2 S256 warm-start-A", MetricNames.run(wider.key()));
        assertNotEquals(MetricNames.run(D.key()), MetricNames.run(wider.key()));
    }

    private static final RunSpec D_SCRATCH = spec(VggConfig.D, TrainScale.fixed(256),
            new Start.FromScratch(Initialisation.GLOROT), 1);
    /** {@link #D_SCRATCH} with batch normalisation after every convolution. */
    private static final RunSpec D_BN = D_SCRATCH.toBuilder()
            .model(D_SCRATCH.model().withNormalisation(Normalisation.BATCH_NORM)).build();

    /**
     * The hash was pinned before normalisation existed and has not moved since: the paper's nets
     * keep their identity (the readable part gained the width on 2026-12-06).
     */
    @Test
    void aNetWithoutNormalisationKeepsTheRunIdItHadBeforeTheOptionExisted() {
        assertEquals("D-w1_4-S256-glorot-s1-473acf1a7656", D_SCRATCH.runId());
        assertFalse(D_SCRATCH.canonical().contains("normalisation"), D_SCRATCH.canonical());
        assertEquals(ModelVariant.PAPER, D_SCRATCH.key().variant());
    }

    @Test
    void aBatchNormNetIsAnotherRunWhoseIdSaysDBn() {
        assertTrue(D_BN.runId().startsWith("D-BN-w1_4-S256-glorot-s1-"), D_BN.runId());
        assertNotEquals(D_SCRATCH.hash(), D_BN.hash());
        assertTrue(D_BN.canonical().contains("cropSize=32, normalisation=BATCH_NORM]"), D_BN.canonical());
        assertEquals(Normalisation.BATCH_NORM, D_BN.key().variant().normalisation());
    }

    /** Issue 31: D at 1/8 and at 1/4 were both "D-S256-warm-start-A-s3-…", and a glob mixed them. */
    @Test
    void twoRunsThatDifferOnlyInWidthDifferBeforeTheHash() {
        RunSpec wide = D_SCRATCH.toBuilder().model(D_SCRATCH.model().withWidth(0.5)).build();
        assertTrue(wide.runId().startsWith("D-w1_2-S256-glorot-s1-"), wide.runId());
        assertEquals("w1", RunSpec.widthId(1));
        assertEquals("w0.3", RunSpec.widthId(0.3));
    }

    @Test
    void aNetWithoutDropoutIsAnotherRunWhoseIdAndKeySayNodrop() throws IOException {
        RunSpec noDropout = D_SCRATCH.toBuilder()
                .model(D_SCRATCH.model().withVariant(D_SCRATCH.model().variant().withDropout(0))).build();
        assertTrue(noDropout.runId().startsWith("D-nodrop-w1_4-S256-glorot-s1-"), noDropout.runId());
        assertNotEquals(D_SCRATCH.hash(), noDropout.hash());
        assertTrue(noDropout.canonical().contains("cropSize=32, dropout=0.0]"), noDropout.canonical());
        assertEquals("D-nodrop", noDropout.key().netName());
        RunFolder folder = RunFolder.at(results, noDropout.runId());
        folder.writeKey(noDropout.key());
        assertEquals(Optional.of(noDropout.key()), folder.key());
    }

    @Test
    void aBatchNormKeyReadsBackWithItsVariantLabelInTheLastColumn() throws IOException {
        RunFolder folder = RunFolder.at(results, D_BN.runId());
        folder.writeKey(D_BN.key());
        List<String> lines = Files.readAllLines(folder.dir().resolve(RunFolder.KEY_FILE));
        assertTrue(lines.get(0).endsWith("," + Columns.MODEL_VARIANT), lines.get(0));
        assertTrue(lines.get(1).endsWith(",BN"), lines.get(1));
        assertEquals(Optional.of(D_BN.key()), folder.key());
    }

    /** Folders trained while normalisation was the only option name it in a column of its own. */
    @Test
    void aKeyFileWithTheOldNormalisationColumnReadsAsThatVariant() throws IOException {
        RunFolder folder = RunFolder.at(results, D_BN.runId());
        folder.writeKey(D_BN.key());
        Path file = folder.dir().resolve(RunFolder.KEY_FILE);
        List<String> lines = Files.readAllLines(file);
        String row = lines.get(1).substring(0, lines.get(1).lastIndexOf(','));
        Files.writeString(file, String.join(",", Columns.KEY_WITH_NORMALISATION) + "\n" + row + ",BATCH_NORM\n");
        assertEquals(Optional.of(D_BN.key()), folder.key());
    }

    /** Folders trained before the column existed keep their keys: every run then was the paper's net. */
    @Test
    void aKeyFileWrittenBeforeTheNormalisationColumnReadsAsNone() throws IOException {
        RunFolder folder = RunFolder.at(results, D.runId());
        folder.writeKey(D.key());
        Path file = folder.dir().resolve(RunFolder.KEY_FILE);
        List<String> lines = Files.readAllLines(file);
        String oldHeader = String.join(",", Columns.KEY_WITHOUT_NORMALISATION);
        assertEquals(oldHeader + "," + Columns.MODEL_VARIANT, lines.get(0));
        Files.writeString(file, oldHeader + "\n" + lines.get(1).substring(0, lines.get(1).lastIndexOf(',')) + "\n");
        assertEquals(Optional.of(D.key()), folder.key());
        assertEquals(ModelVariant.PAPER, folder.key().orElseThrow().variant());
    }

    @Test
    void anUnknownModelVariantIsAnErrorNamingTheFileAndColumn() throws IOException {
        assertDamagedKeyNamesFileAndColumn(D_BN, ",BN", ",GN", Columns.MODEL_VARIANT);
    }

    /** A batch-norm run must not share a baseline row with the paper's net it varies. */
    @Test
    void aBatchNormRunHasItsOwnMetricNameAndThePaperNetsKeepTheirs() {
        assertEquals("D-BN w1/4 S256 glorot", MetricNames.run(D_BN.key()));
        assertEquals("D w1/4 S256 glorot", MetricNames.run(D_SCRATCH.key()));
    }

    @Test
    void aFolderRefusesTheKeyOfAnotherRun() {
        RunFolder folder = RunFolder.at(results, A.runId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> folder.writeKey(D.key()));
        assertTrue(e.getMessage().contains(D.runId()), e.getMessage());
    }

    @Test
    void aDamagedKeyFileIsAnErrorNamingTheFileAndColumn() throws IOException {
        assertDamagedKeyNamesFileAndColumn(A, ",A,", ",Z,", Columns.CONFIG);
    }

    /** Writes {@code spec}'s key, replaces {@code cell} by {@code damaged}, and expects an error naming both. */
    private void assertDamagedKeyNamesFileAndColumn(RunSpec spec, String cell, String damaged, String column)
            throws IOException {
        RunFolder folder = RunFolder.at(results, spec.runId());
        folder.writeKey(spec.key());
        Path file = folder.dir().resolve(RunFolder.KEY_FILE);
        Files.writeString(file, Files.readString(file).replace(cell, damaged));
        ResultsFileException e = assertThrows(ResultsFileException.class, folder::key);
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(column), e.getMessage());
    }

    @Test
    void theTrainerWritesTheKeyOnceAndGivesItToACachedFolderThatLacksIt() throws IOException {
        RunSpec spec = TinyNets.oneEpochOf(data, 40).build();
        RunTrainer trainer = RunTrainer.into(results, new DataCatalog(), CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("test"));
        TrainedRun run = trainer.train(spec);
        assertEquals(Optional.of(spec.key()), run.folder().key());
        Path key = run.folder().dir().resolve(RunFolder.KEY_FILE);
        FileTime written = Files.getLastModifiedTime(key);

        assertEquals(TrainedRun.Outcome.CACHED, trainer.train(spec).outcome());
        assertEquals(written, Files.getLastModifiedTime(key), "the key was rewritten");

        Files.delete(key);
        assertEquals(TrainedRun.Outcome.CACHED, trainer.train(spec).outcome());
        assertEquals(Optional.of(spec.key()), run.folder().key());
    }
}
