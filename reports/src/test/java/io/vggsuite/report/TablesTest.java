package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.report.paper.PaperValues;
import io.vggsuite.report.render.Document.Block;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Paragraph;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.ArmRecord;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunKey;
import io.vggsuite.results.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each table against the paper's layout, and our cells against the fixture folder. */
class TablesTest {

    @TempDir
    Path dir;

    private final PaperValues paper = PaperValues.load();
    private ResultsRoot root;
    private RunIndex index;

    @BeforeEach
    void writeFixture() {
        root = Fixtures.write(dir);
        index = RunIndex.read(root);
    }

    @Test
    @DisplayName("Table 3 has the paper's twelve rows in the paper's order, with its headings")
    void table3RowsInPaperOrder() {
        Table table = ErrorTables.table3(paper, index);
        assertEquals(List.of("A 256 256", "A-LRN 256 256", "B 256 256", "C 256 256", "C 384 384", "C [256;512] 384",
                        "D 256 256", "D 384 384", "D [256;512] 384", "E 256 256", "E 384 384", "E [256;512] 384"),
                firstColumns(table, 3));
        assertEquals(List.of("ConvNet config.", "train (S) · ILSVRC-2012 (paper)", "test (Q) · ILSVRC-2012 (paper)",
                        "top-1 val. error (%) · ILSVRC-2012 (paper)", "top-5 val. error (%) · ILSVRC-2012 (paper)",
                        "train (S) · " + Fixtures.SCALE, "test (Q) · " + Fixtures.SCALE,
                        "top-1 val. error (%) · " + Fixtures.SCALE, "top-5 val. error (%) · " + Fixtures.SCALE),
                table.header());
        assertEquals(List.of("29.6", "10.4"), texts(table.rows().get(0).subList(3, 5)));
        assertEquals(List.of("25.5", "8.0"), texts(table.rows().get(11).subList(3, 5)));
    }

    @Test
    void seedsAreMeanAndSampleStdToOneDecimalAndLinkEveryRun() {
        List<Cell> d256 = row(ErrorTables.table3(paper, index), "D", "256");
        // 27.04, 27.56, 28.31: mean 27.637, sample std 0.638
        assertEquals("27.6 ± 0.6 (n=3)", d256.get(7).text());
        assertEquals(3, d256.get(7).refs().size());
        assertEquals("37", d256.get(5).text());
        assertEquals("37", d256.get(6).text());
        List<Cell> a256 = row(ErrorTables.table3(paper, index), "A", "256");
        assertEquals("31.1", a256.get(7).text(), "the Glorot run of A (how the CIFAR budgets train it), not paper-normal");
    }

    @Test
    void missingCellsSayWhyAndAreNeverZero() {
        Table table = ErrorTables.table3(paper, index);
        Cell notRun = row(table, "C", "[256;512]").get(7);
        assertEquals("not run", notRun.text());
        assertTrue(notRun.missing());
        Cell running = row(table, "E", "384").get(7);
        assertEquals("—", running.text());
        assertTrue(running.missing());
        assertEquals(1, running.refs().size(), "a run exists: link it");
        Cell diverged = row(table, "A-LRN", "256").get(7);
        assertEquals("diverged", diverged.text());
        assertTrue(diverged.missing());
        for (List<Cell> cells : table.rows()) {
            for (Cell cell : cells) {
                assertFalse(cell.text().matches("0(\\.0+)?"), "a zero cell in " + cells);
            }
        }
    }

    @Test
    void aNumberMissingInTheCsvRendersAsMissing() {
        List<Cell> dense = ErrorTables.table5(paper, index).rows().get(2);
        assertEquals(List.of("D", "multi-crop & dense"), texts(dense.subList(0, 2)));
        assertEquals("24.4", dense.get(8).text());
        assertEquals("—", dense.get(9).text(), "top-5 was written as NaN");
    }

    @Test
    void table4And5And6FollowThePaper() {
        assertEquals(List.of("B 256 224,256,288", "C 256 224,256,288", "C 384 352,384,416",
                        "C [256;512] 256,384,512", "D 256 224,256,288", "D 384 352,384,416", "D [256;512] 256,384,512",
                        "E 256 224,256,288", "E 384 352,384,416", "E [256;512] 256,384,512"),
                firstColumns(ErrorTables.table4(paper, index), 3));
        assertEquals(List.of("D dense", "D multi-crop", "D multi-crop & dense",
                        "E dense", "E multi-crop", "E multi-crop & dense"),
                firstColumns(ErrorTables.table5(paper, index), 2));
        Table table6 = FusionTable.table6(paper, index, root.fusion());
        assertEquals(List.of("7 nets (ILSVRC submission) dense", "D & E dense", "D & E multi-crop",
                "D & E multi-crop & dense"), firstColumns(table6, 2));
        assertEquals("not run", table6.rows().get(0).get(5).text());
        assertEquals(List.of("37,55,73", "24.2", "7.2"), texts(table6.rows().get(3).subList(4, 7)));
        assertEquals(2, table6.rows().get(3).get(5).refs().size(), "linked to both member runs");
    }

    @Test
    void filterSizeComparisonGivesTheRelativeAndAbsoluteDifference() {
        Table table = FilterSizeTable.compare(paper, index);
        assertEquals(List.of("B", "B-5×5"), firstColumns(table, 1));
        assertEquals("+7%", table.rows().get(1).get(1).text());
        // centre crop: B 29.9 + 1.1 = 31.0, B-5×5 32.5 + 1.1 = 33.6
        assertEquals("+8.4% (+2.6 pp)", table.rows().get(1).get(6).text());
    }

    @Test
    void aRowTrainedTwoWaysShowsTheRunItsClaimsJudgedNotTheFirstProtocolInit() {
        // The converged budget's B-5×5: a warm-started run (outside the plan, kept as evidence)
        // and the Glorot run the plan and claim 6 use.
        Fixtures.complete(root, "B-5×5", "256", "37", "warm-start-A", 1, 90.0, 90.0);
        String glorot = Fixtures.id("B-5×5", "256", "glorot", 1);
        String warm = Fixtures.id("B-5×5", "256", "warm-start-A", 1);
        assertEquals(List.of(warm), RunIndex.read(root).protocolRuns("B-5×5", "256", Fixtures.SCALE).stream()
                .map(RunInfo::runId).toList(), "before the claims are judged: the protocol order");
        root.writeArms(List.of(new ArmRecord(6, "B-5×5 centre crop", List.of(glorot), 32.5, 11.0)));
        assertEquals(List.of(glorot), RunIndex.read(root).protocolRuns("B-5×5", "256", Fixtures.SCALE).stream()
                .map(RunInfo::runId).toList(), "once judged: the run claim 6 compared");
    }

    @Test
    void initialisationStudyListsEveryInitOfTheSameRowAndMarksDivergence() {
        Table table = InitialisationTable.study(paper, index);
        assertEquals(List.of("A 256 glorot", "A 256 paper-normal", "E 256 glorot", "E 256 paper-normal",
                        "E 256 warm-start-A"),
                table.rows().stream().map(r -> String.join(" ", texts(r.subList(1, 4)))).toList());
        List<Cell> normal = table.rows().get(3);
        assertEquals("diverged at epoch 2", normal.get(5).text());
        assertEquals("diverged", normal.get(7).text());
        assertTrue(table.notes().stream().anyMatch(n -> n.contains("Glorot & Bengio")));
    }

    @Test
    void claimsTableShowsEveryRowOfClaimsCsvBelowTheAblationsBeyondThePaperWithEffectIntervalHolmMdeAndVerdict() {
        Table table = ClaimsTable.claims(root.claims());
        assertEquals(List.of("1", "2", "3", "4", "6", "9", "13"),
                table.rows().stream().map(r -> r.get(0).text()).toList());
        assertEquals("LRN does not improve A (A ≈ A-LRN).", table.rows().get(0).get(1).text());
        assertEquals("equivalence (margin ±1.0)", table.rows().get(0).get(2).text());
        assertEquals(List.of("+0.90", "+1.62 [+0.90, +2.34]", "< 0.001", "1.10", "reproduced"),
                texts(table.rows().get(1).subList(4, 9)));
        assertEquals(List.of("not run", "not judged in this session"), texts(table.rows().get(3).subList(8, 10)));
        assertTrue(table.rows().get(3).get(8).missing());
        assertEquals("inconclusive (underpowered: MDE 3.4 points)", table.rows().get(4).get(8).text());
        assertEquals("contradicted", table.rows().get(5).get(8).text());
        assertEquals("C at S = 384 beats C at S = 256.", table.rows().get(6).get(1).text());
        assertTrue(table.notes().get(0).contains("Holm"));
    }

    @Test
    void inconclusiveVerdictNamesItsCapBeforeItsPower() {
        ClaimRecord capped = new ClaimRecord(6, "B beats B-5×5", "Section 4.1", "superiority", Double.NaN, 33.4, 31.8,
                35.0, 0.0, 2.3, Verdict.INCONCLUSIVE, Optional.of("seed noise unknown"), "B 30.5 vs B-5×5 63.9");
        assertEquals("inconclusive (seed noise unknown)", ClaimsTable.verdict(capped));
        ClaimRecord uncapped = new ClaimRecord(6, "B beats B-5×5", "Section 4.1", "superiority", 1.0, 0.4, -1.0,
                1.8, 0.3, 2.3, Verdict.INCONCLUSIVE, Optional.empty(), "B 30.5 vs B-5×5 30.9");
        assertEquals("inconclusive (underpowered: MDE 2.3 points)", ClaimsTable.verdict(uncapped));
    }

    @Test
    void claimsTableWithoutClaimsCsvSaysTheClaimsTestHasNotRun(@TempDir Path empty) {
        Table table = ClaimsTable.claims(ResultsRoot.at(empty).claims());
        assertTrue(table.rows().isEmpty());
        assertTrue(table.notes().stream().anyMatch(n -> n.contains("has not run")));
    }

    @Test
    void runsTableAnchorsEveryRunAndMarksDivergence() {
        Table table = RunsTable.runs(index);
        assertEquals(index.all().size(), table.rows().size());
        assertTrue(table.rows().stream().allMatch(r -> r.get(0).anchor().isPresent()));
        assertTrue(table.rows().stream().anyMatch(r -> r.get(7).text().startsWith("diverged at epoch 3")));
    }

    @Test
    void runsTableFlagsRunsTheRuleWouldHaveTrainedOnAndSaysSoWhenEveryRunHadStopped() {
        // The fixture's curves still fall at their last epoch: every complete run is flagged.
        assertTrue(RunsTable.runs(index).notes().stream().anyMatch(n -> n.contains("stopped while still improving")));

        ResultsRoot stopped = ResultsRoot.at(dir.resolve("stopped"));
        RunFolder d = Fixtures.run(stopped, "D", "256", "256", "glorot", 1);
        // The rate fell after epoch 4; epochs 5 and 6 at the new rate are no better than epoch 3's 37.
        double[] rates = {1e-2, 1e-2, 1e-2, 1e-2, 1e-3, 1e-3};
        double[] validation = {50, 40, 37, 39, 38, 37.5};
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 0; e < rates.length; e++) {
            epochs.add(new EpochRecord(e + 1, rates[e], 1.0, 30, validation[e], 10, 12.0, 2100.0));
        }
        d.writeEpochs(epochs);
        d.markComplete();
        Table table = RunsTable.runs(RunIndex.read(stopped));
        assertEquals("4", table.rows().get(0).get(9).text(), "the rate was first lowered after epoch 4");
        assertEquals("+0.17/epoch, no better for 2 epochs", table.rows().get(0).get(10).text());
        assertTrue(table.notes().stream().noneMatch(n -> n.contains("still improving")), table.notes().toString());
        assertTrue(table.notes().stream().anyMatch(n -> n.startsWith("All 1 complete runs had stopped improving")),
                table.notes().toString());
    }

    @Test
    void runsTableNamesEveryRunWhoseLossStoppedBeingFiniteAndWhatItsReplayShowed() {
        assertTrue(RunsTable.runs(index).notes().stream().noneMatch(n -> n.contains("stopped being finite")));
        RunFolder d = root.run(Fixtures.id("D", "[256;512]", "fine-tune", 1));
        String events = "epoch 21 batch 113: replayed from epoch 20, finite";
        d.writeProvenance(d.provenance().orElseThrow().toBuilder().put(ProvenanceKeys.LOSS_NOT_FINITE, events).build());
        RunIndex reread = RunIndex.read(root);
        String label = reread.byId(d.runId()).orElseThrow().label();

        List<String> notes = RunsTable.runs(reread).notes();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("A training loss stopped being finite in 1 run;")
                && n.endsWith(label + " (" + events + ")" + ".")), notes.toString());
    }

    @Test
    void protocolNotesNameEveryWayTheFoldersDenseScoresWereComputedWhenThereIsMoreThanOne() {
        List<RunInfo> dense = index.all().stream()
                .filter(r -> r.finals().stream().anyMatch(f -> f.method() == EvalMethod.DENSE)).toList();
        assertTrue(dense.size() >= 2, "the fixture has dense scores in two runs or more");
        for (RunInfo run : dense) {
            RunFolder folder = root.run(run.runId());
            folder.writeProvenance(folder.provenance().orElseThrow().toBuilder()
                    .put(ProvenanceKeys.DENSE_EVALUATION, ProvenanceKeys.DENSE_WINDOWS_ALONE).build());
        }
        assertTrue(ProtocolTable.departures(List.of(), RunIndex.read(root)).notes().stream()
                .noneMatch(n -> n.startsWith("Dense scores")), "one way, recorded: nothing to say");

        RunFolder first = root.run(dense.get(0).runId());
        first.writeProvenance(first.provenance().orElseThrow().toBuilder()
                .put(ProvenanceKeys.DENSE_EVALUATION, ProvenanceKeys.DENSE_ONE_PASS).build());
        RunIndex reread = RunIndex.read(root);
        List<String> notes = ProtocolTable.departures(List.of(), reread).notes();
        String label = reread.byId(first.runId()).orElseThrow().label();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Dense scores in this folder were computed in 2 ways")
                && n.contains(ProvenanceKeys.DENSE_ONE_PASS + " (1 of " + reread.all().size() + " runs: " + label + ")")
                && n.contains(ProvenanceKeys.DENSE_WINDOWS_ALONE + " (" + (dense.size() - 1) + " of ")), notes.toString());
    }

    @Test
    void runsTableShowsWhatEachRunCostAndTheTotalTrainingTime() {
        Table table = RunsTable.runs(index);
        List<String> header = table.header();
        int wall = header.indexOf("training wall time");
        int memory = header.indexOf("peak memory MiB (train / eval)");
        assertTrue(table.rows().stream().allMatch(r -> r.get(wall).text().equals("12.6 min")));
        assertTrue(table.rows().stream().allMatch(r -> r.get(memory).text().equals("1442 / 1384")));
        String total = RunsTable.duration(Fixtures.WALL_SECONDS * index.all().size());
        assertTrue(table.notes().stream().anyMatch(n -> n.startsWith(
                "Training wall time in all: " + total + " over " + index.all().size() + " runs")), table.notes().toString());
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("42 s", RunsTable.duration(42));
        assertEquals("6.1 min", RunsTable.duration(366.131));
        assertEquals("2 h 05 min", RunsTable.duration(7500));
    }

    @Test
    void runsAreSelectedByTheKeyInTheirFolderNotByTheirProvenanceLabels() {
        RunFolder d = root.run(Fixtures.id("D", "[256;512]", "fine-tune", 1));
        d.writeProvenance(d.provenance().orElseThrow().toBuilder()
                .put(ProvenanceKeys.CONFIG, "E")
                .put(ProvenanceKeys.TRAIN_SCALE_PAPER, "384")
                .put(ProvenanceKeys.INIT, "glorot")
                .build());
        RunInfo run = RunIndex.read(root).byId(d.runId()).orElseThrow();
        assertEquals(Optional.of("D"), run.config());
        assertEquals(Optional.of("[256;512]"), run.paperTrainScale());
        assertEquals("fine-tune", run.init());
        assertEquals(Fixtures.SCALE, run.scale());
    }

    @Test
    void aRunFolderWithoutAKeyIsInNoTableAndTheRunsTableSaysWhy() throws IOException {
        RunFolder d = root.run(Fixtures.id("D", "[256;512]", "fine-tune", 1));
        Files.delete(d.dir().resolve(RunFolder.KEY_FILE));
        RunIndex keyless = RunIndex.read(root);
        assertTrue(keyless.runsFor("D", "[256;512]", Fixtures.SCALE).isEmpty());
        Table runs = RunsTable.runs(keyless);
        String label = keyless.byId(d.runId()).orElseThrow().label();
        assertTrue(runs.notes().contains(label + " has no key.csv (the trainer writes it), so no table shows it."),
                runs.notes().toString());
    }

    @Test
    void withNoRunsEveryOurCellSaysNotRun(@TempDir Path empty) {
        RunIndex none = RunIndex.read(ResultsRoot.at(empty));
        Table table = ErrorTables.table3(paper, none);
        assertEquals(12, table.rows().size());
        assertTrue(table.rows().stream().allMatch(r -> r.subList(5, 9).stream()
                .allMatch(c -> c.text().equals("not run") && c.missing())));
    }

    private static List<Cell> row(Table table, String config, String trainScale) {
        return table.rows().stream()
                .filter(r -> r.get(0).text().equals(config) && r.get(1).text().equals(trainScale))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> firstColumns(Table table, int columns) {
        return table.rows().stream().map(r -> String.join(" ", texts(r.subList(0, columns)))).toList();
    }

    private static List<String> texts(List<Cell> cells) {
        return cells.stream().map(Cell::text).toList();
    }

    @Test
    void beyondThePaperSectionShowsItsClaimsApartAndOneTablePerMeasuredClaimFromArmsCsv() {
        List<ClaimRecord> beyond = root.claims().stream().filter(ClaimRecord::beyondThePaper).toList();
        List<Block> blocks = BeyondPaperTables.of(beyond, root.arms(), RunIndex.read(root));
        Table claims = (Table) blocks.get(0);
        assertEquals(List.of("101", "102"), claims.rows().stream().map(r -> r.get(0).text()).toList());
        Table arms = (Table) blocks.get(1);
        assertEquals(List.of("D-BN from Glorot 24.5 7.9", "D from Glorot 27.6 9.1"), arms.rows().stream()
                .map(r -> r.get(0).text() + " " + r.get(2).text() + " " + r.get(3).text()).toList());
        assertTrue(arms.notes().contains(BeyondPaperTables.MARK));
        assertTrue(((Paragraph) blocks.get(2)).text().contains("No arm of it was measured"), blocks.get(2).toString());
    }

    @Test
    void aScaleOnlyAnAblationBeyondThePaperUsedGetsNoColumnGroupInThePapersTablesButStaysInTheSummary() {
        // Claim 102's D at twice the width: a run at another scale, an arm of a beyond-paper claim only.
        String wide = Fixtures.id("D", "256", "warm-start-A", 1) + "-wide";
        RunFolder run = root.run(wide);
        RunKey narrow = Fixtures.key(wide, "D", "256", "37", "warm-start-A", 1);
        run.writeKey(new RunKey(wide, narrow.config(), 0.5, narrow.crop(), narrow.paperScale(), narrow.trainScale(),
                narrow.startKind(), narrow.start(), narrow.initialisation(), narrow.parentRunId(), narrow.seed(),
                narrow.data(), narrow.variant()));
        run.writeFinal(List.of(new FinalRecord(EvalMethod.DENSE, List.of(37),
                List.of(256), 22.0, 7.0, 10000)));
        run.markComplete();
        assertEquals(2, RunIndex.read(root).scales().size(), "the wide run adds a scale: " + RunIndex.read(root).scales());
        root.writeArms(List.of(
                new ArmRecord(2, "D", List.of(Fixtures.id("D", "256", "warm-start-A", 1)), 27.0, 9.0),
                new ArmRecord(ClaimRecord.FIRST_BEYOND_THE_PAPER + 1, "D at width 1/2", List.of(wide), 22.0, 7.0)));
        RunIndex judged = RunIndex.read(root);

        assertEquals(List.of(Fixtures.SCALE), judged.paperScales());
        Table table3 = ErrorTables.table3(paper, judged);
        assertEquals(9, table3.header().size(), "one column group, ours: " + table3.header());
        assertEquals(2, judged.scales().size(), "the summary and the runs table still see every scale");
    }
}
