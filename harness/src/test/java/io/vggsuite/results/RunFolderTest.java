package io.vggsuite.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path root;

    private RunFolder run() {
        return RunFolder.at(root, "D_S256-512_seed1");
    }

    @Test
    void livesUnderRunsAndCreatesNothingUntilWritten() {
        RunFolder run = run();
        assertEquals(root.resolve("runs/D_S256-512_seed1"), run.dir());
        assertEquals(run.dir().resolve("checkpoints"), run.checkpointDir());
        assertEquals(Optional.empty(), run.provenance());
        assertEquals(List.of(), run.epochs());
        assertEquals(List.of(), run.finals());
        assertEquals(Optional.empty(), run.predictions("test"));
        assertEquals(RunStatus.RUNNING, run.status());
        assertEquals(Optional.empty(), run.divergence());
        assertTrue(Files.notExists(run.dir()));
    }

    @Test
    void provenanceRoundTripsSortedWithoutADateComment() throws IOException {
        Provenance provenance = Provenance.builder()
                .put(ProvenanceKeys.CONFIG, "B-5×5")
                .put(ProvenanceKeys.TRAIN_SCALE_PAPER, "[256;512]")
                .put(ProvenanceKeys.TRAIN_SCALE, "37-73")
                .put(ProvenanceKeys.SEED, 7)
                .put("note", "line one\nline two = with: odd # chars")
                .build();
        run().writeProvenance(provenance);

        assertEquals(Optional.of(provenance), run().provenance());
        List<String> lines = Files.readAllLines(run().dir().resolve("run.properties"));
        List<String> entries = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of("config", "note", "seed", "train.scale", "train.scale.paper"),
                entries.stream().map(l -> l.substring(0, l.indexOf('='))).toList());
        assertEquals(1, lines.size() - entries.size(), "one comment line, no date");
        assertEquals("config=B-5×5", lines.get(1));
        assertEquals(7, run().provenance().orElseThrow().getLong(ProvenanceKeys.SEED).getAsLong());
    }

    @Test
    void epochsRoundTripAtFullPrecisionWithMissingCellsEmpty() throws IOException {
        List<EpochRecord> rows = List.of(
                new EpochRecord(1, 0.01, 2.302585092994046, 88.12345678901234, 85.5, 40.25, 12.5, 1234.5),
                new EpochRecord(2, 0.01, 1.9, 70.1, Double.NaN, Double.NaN, 11.0, 1300.0),
                new EpochRecord(3, 0.001, Double.POSITIVE_INFINITY, 90.0, 90.0, 50.0, 10.0, 1250.0));
        run().writeEpochs(rows);

        assertEquals(rows, run().epochs());
        List<String> lines = Files.readAllLines(run().dir().resolve("epochs.csv"));
        assertEquals(String.join(",", Columns.EPOCHS), lines.get(0));
        assertEquals("2,0.01,1.9,70.1,,,11.0,1300.0", lines.get(2));
    }

    @Test
    void finalsRoundTrip() {
        List<FinalRecord> rows = List.of(
                new FinalRecord(EvalMethod.DENSE, List.of(37, 55, 73), List.of(256, 384, 512), 24.8125, 7.5, 10000),
                new FinalRecord(EvalMethod.DENSE_AND_MULTI_CROP, List.of(55), List.of(384), Double.NaN, 7.1, 10000),
                new FinalRecord(EvalMethod.CENTRE_CROP, List.of(), List.of(), 30.0, 10.0, 0));
        run().writeFinal(rows);
        assertEquals(rows, run().finals());
    }

    @Test
    void rewritingTheEpochsReplacesTheWholeFile() {
        run().writeEpochs(List.of(new EpochRecord(1, 0.01, 2, 80, 80, 40, 1, 1)));
        List<EpochRecord> two = List.of(
                new EpochRecord(1, 0.01, 2, 80, 80, 40, 1, 1), new EpochRecord(2, 0.01, 1.5, 60, 65, 30, 1, 1));
        run().writeEpochs(two);
        assertEquals(two, run().epochs());
    }

    @Test
    void truncatedCsvNamesTheFileAndLine() throws IOException {
        run().writeEpochs(List.of(
                new EpochRecord(1, 0.01, 2, 80, 80, 40, 1, 1), new EpochRecord(2, 0.01, 1.5, 60, 65, 30, 1, 1)));
        Path file = run().dir().resolve("epochs.csv");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 12));

        ResultsFileException e = assertThrows(ResultsFileException.class, () -> run().epochs());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void badValuesAndHeadersAreErrorsNamingFileLineAndValue() throws IOException {
        Path file = run().dir().resolve("final.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join(",", Columns.FINAL) + "\ndense,37,256,twelve,7.5,100\n");
        ResultsFileException number = assertThrows(ResultsFileException.class, () -> run().finals());
        assertTrue(number.getMessage().contains(file + ":2:"), number.getMessage());
        assertTrue(number.getMessage().contains("top1_error is 'twelve'"), number.getMessage());

        Files.writeString(file, String.join(",", Columns.FINAL) + "\nsparse,37,256,1,7.5,100\n");
        ResultsFileException method = assertThrows(ResultsFileException.class, () -> run().finals());
        assertTrue(method.getMessage().contains("unknown evaluation method 'sparse'"), method.getMessage());

        Files.writeString(file, "method,top1\n");
        ResultsFileException header = assertThrows(ResultsFileException.class, () -> run().finals());
        assertTrue(header.getMessage().contains(file + ":1: header is [method, top1]"), header.getMessage());

        Files.writeString(file, "");
        assertThrows(ResultsFileException.class, () -> run().finals());
    }

    @Test
    void predictionsRoundTripAndDamageIsDetected() throws IOException {
        int[] labels = {3, 0, 9};
        float[][] probabilities = {
            {0.1f, 0.2f, 0.7f}, {0.5f, 0.25f, 0.25f}, {Float.MIN_VALUE, 0.999f, 1e-7f}
        };
        run().writePredictions("dense_Q37-55-73", labels, probabilities);
        Predictions read = run().predictions("dense_Q37-55-73").orElseThrow();
        assertArrayEquals(labels, read.labels());
        assertArrayEquals(probabilities, read.probabilities());

        Path file = run().dir().resolve("predictions/dense_Q37-55-73.preds");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 9] ^= 0x01;
        Files.write(file, bytes);
        ResultsFileException flipped = assertThrows(ResultsFileException.class,
                () -> run().predictions("dense_Q37-55-73"));
        assertTrue(flipped.getMessage().contains("checksum"), flipped.getMessage());

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        ResultsFileException truncated = assertThrows(ResultsFileException.class,
                () -> run().predictions("dense_Q37-55-73"));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void predictionsMustBeRectangularAndMatchTheLabels() {
        assertThrows(IllegalArgumentException.class,
                () -> run().writePredictions("x", new int[] {1, 2}, new float[][] {{1f}}));
        assertThrows(IllegalArgumentException.class,
                () -> run().writePredictions("x", new int[] {1, 2}, new float[][] {{1f}, {0.5f, 0.5f}}));
    }

    @Test
    void completeAndDivergedStatusRoundTripAndReachTheProvenance() {
        RunFolder done = RunFolder.at(root, "A_seed1");
        done.writeProvenance(Provenance.builder().put(ProvenanceKeys.CONFIG, "A").build());
        done.markComplete();
        assertEquals(RunStatus.COMPLETE, done.status());
        assertEquals(Optional.of("complete"), done.provenance().orElseThrow().get(ProvenanceKeys.STATUS));

        RunFolder diverged = RunFolder.at(root, "E_paper-normal_seed1");
        diverged.writeProvenance(Provenance.builder().put(ProvenanceKeys.CONFIG, "E").build());
        diverged.markDiverged(new Divergence(3, 2.3025));
        assertEquals(RunStatus.DIVERGED, diverged.status());
        assertEquals(Optional.of(new Divergence(3, 2.3025)), diverged.divergence());
        Provenance provenance = diverged.provenance().orElseThrow();
        assertEquals(Optional.of("diverged"), provenance.get(ProvenanceKeys.STATUS));
        assertEquals(3, provenance.getLong(ProvenanceKeys.DIVERGED_EPOCH).getAsLong());
        assertEquals(2.3025, provenance.getDouble(ProvenanceKeys.DIVERGED_LAST_LOSS).getAsDouble());
    }

    @Test
    void anAmendmentKeepsTheTrainersFactsAndAFolderWithoutThemGetsNone() {
        RunFolder trained = RunFolder.at(root, "A_seed2");
        trained.writeProvenance(Provenance.builder().put(ProvenanceKeys.CONFIG, "A").build());
        trained.amendProvenance(p -> p.with("slurm.job", "42"));
        assertEquals(Optional.of("A"), trained.provenance().orElseThrow().get(ProvenanceKeys.CONFIG));
        assertEquals(Optional.of("42"), trained.provenance().orElseThrow().get("slurm.job"));

        RunFolder old = RunFolder.at(root, "A_seed3");
        old.amendProvenance(p -> p.with("slurm.job", "43"));
        assertEquals(Optional.empty(), old.provenance(), "no run.properties is made up for a folder without one");
    }

    @Test
    void unknownStatusIsAnErrorNamingTheFile() throws IOException {
        Files.createDirectories(run().dir());
        Files.writeString(run().dir().resolve("status"), "finished\n");
        ResultsFileException e = assertThrows(ResultsFileException.class, () -> run().status());
        assertTrue(e.getMessage().contains("'finished'"), e.getMessage());
    }

    @Test
    void runIdsAndPredictionNamesCannotEscapeTheFolder() {
        assertThrows(IllegalArgumentException.class, () -> RunFolder.at(root, "../elsewhere"));
        assertThrows(IllegalArgumentException.class, () -> RunFolder.at(root, ""));
        assertThrows(IllegalArgumentException.class, () -> run().predictions("a/b"));
    }
}
