package io.vggsuite.results;

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

class ResultsRootTest {

    @TempDir
    Path dir;

    @Test
    void listsRunFoldersSortedAndNothingBeforeTheFirstRun() throws IOException {
        ResultsRoot root = ResultsRoot.at(dir);
        assertEquals(List.of(), root.runs());
        root.run("E_seed1").writeEpochs(List.of());
        root.run("A_seed1").markComplete();
        Files.createDirectories(dir.resolve("runs/.hidden"));
        Files.writeString(dir.resolve("runs/notes.txt"), "not a run");
        assertEquals(List.of("A_seed1", "E_seed1"), root.runs().stream().map(RunFolder::runId).toList());
        assertEquals(dir.resolve("report"), root.reportDir());
    }

    @Test
    void claimsRoundTripWithQuotesCommasAndMissingNumbers() throws IOException {
        ResultsRoot root = ResultsRoot.at(dir);
        List<ClaimRecord> claims = List.of(
                new ClaimRecord(1, "LRN does not improve A", "Table 3: A 29.6, A-LRN 29.7", "equivalence (margin ±1.0)",
                        0.1, 0.1, -0.5, 0.7, 0.03, 0.9, Verdict.REPRODUCED, Optional.empty(),
                        "A 31.2 ± 0.4, A-LRN 31.3 ± 0.5 (\"same\", n=3)"),
                new ClaimRecord(12, "Deep nets need warm start or Glorot", "Section 3.1 (qualitative)", "trainability",
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.INCONCLUSIVE, Optional.empty(),
                        "E from N(0, 10⁻²) diverged\nat epoch 3"),
                new ClaimRecord(9, "Multi-crop is slightly better than dense", "Table 5", "superiority", 0.2, -0.2,
                        -0.4, 0.0, 0.03, 0.3, Verdict.CONTRADICTED, Optional.empty(), "dense 24.1, multi 24.3"),
                new ClaimRecord(13, "C at S = 384 beats C at S = 256", "Table 3", "superiority", 0.0, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.NOT_RUN, Optional.empty(), "its runs were not judged"));
        root.writeClaims(claims);

        assertEquals(claims, root.claims());
        assertTrue(Files.readString(root.claimsCsv()).contains(",contradicted,\"dense 24.1, multi 24.3\",\n"));
        assertTrue(Files.readString(root.claimsCsv()).contains(",trainability,,,,,,,inconclusive,"));
    }

    @Test
    void fusionRoundTrips() {
        ResultsRoot root = ResultsRoot.at(dir);
        List<FusionRecord> fusion = List.of(new FusionRecord(List.of("D_S256-512_seed1", "E_S256-512_seed1"),
                "D/[256;512] & E/[256;512]", new FinalRecord(EvalMethod.MULTI_CROP, List.of(37, 55, 73),
                        List.of(256, 384, 512), 23.9, 7.2, 10000)));
        root.writeFusion(fusion);
        assertEquals(fusion, root.fusion());
    }

    @Test
    void aCapHasAColumnOfItsOwnAndAFileWrittenBeforeItReadsTheCapFromTheEvidence() throws IOException {
        ResultsRoot root = ResultsRoot.at(dir);
        ClaimRecord capped = new ClaimRecord(6, "B beats B-5×5", "Section 4.1", "superiority", Double.NaN, 33.4,
                31.8, 35.0, 0.0, 2.3, Verdict.INCONCLUSIVE, Optional.of("seed noise unknown"), "B 30.5 vs 63.9");
        root.writeClaims(List.of(capped));
        assertTrue(Files.readString(root.claimsCsv()).contains(",inconclusive,B 30.5 vs 63.9,seed noise unknown\n"));
        assertEquals(List.of(capped), root.claims());

        Files.writeString(root.claimsCsv(), String.join(",", Columns.CLAIMS_WITHOUT_CAP)
                + "\n6,B beats B-5×5,Section 4.1,superiority,,33.4,31.8,35.0,0.0,2.3,inconclusive,"
                + "B 30.5 vs 63.9 [seed noise unknown: at most inconclusive]\n");
        assertEquals(Optional.of("seed noise unknown"), root.claims().get(0).cap());
    }

    @Test
    void unknownVerdictIsAnErrorNamingTheFileAndLine() throws IOException {
        ResultsRoot root = ResultsRoot.at(dir);
        Files.writeString(root.claimsCsv(), String.join(",", Columns.CLAIMS) + "\n1,c,p,superiority,1,0.5,0.1,0.9,0.1,0.3,confirmed,o,\n");
        ResultsFileException e = assertThrows(ResultsFileException.class, root::claims);
        assertTrue(e.getMessage().startsWith(root.claimsCsv() + ":2: column verdict: unknown verdict 'confirmed'"),
                e.getMessage());
    }

    @Test
    void brokenQuoteIsAnErrorNamingTheFile() throws IOException {
        ResultsRoot root = ResultsRoot.at(dir);
        Files.writeString(root.fusionCsv(), String.join(",", Columns.FUSION) + "\n\"a;b,label,dense,1,1,1,1,1\n");
        ResultsFileException e = assertThrows(ResultsFileException.class, root::fusion);
        assertEquals(root.fusionCsv(), e.file());
    }
}
