package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.report.LearningCurves.Arm;
import io.vggsuite.report.LearningCurves.ArmKey;
import io.vggsuite.report.LearningCurves.Placed;
import io.vggsuite.report.LearningCurves.RateDrop;
import io.vggsuite.report.plot.Palette;
import io.vggsuite.report.plot.SmallMultiples.Band;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the learning curves put each run: the chain's x axis, the rate drops, the seed band, the panels. */
class LearningCurvesTest {

    /** The rates as epochs.csv holds them: floats read back as doubles. */
    private static final double RATE = 0.009999999776482582;
    private static final double RATE_TENTH = 9.999999310821295E-4;
    private static final double RATE_HUNDREDTH = 9.99999901978299E-5;

    @TempDir
    Path dir;

    @Test
    void aFineTuneIsOffsetByItsParentsEpochsAndStartsFromItsParentsLastPoint() {
        RunIndex index = RunIndex.read(Fixtures.write(dir));
        RunInfo parent = run(index, Fixtures.id("D", "256", "warm-start-A", 1));
        RunInfo fineTune = run(index, Fixtures.id("D", "384", "fine-tune", 1));

        assertEquals(6, LearningCurves.offset(fineTune, index));
        Placed placed = LearningCurves.place(fineTune, index);
        assertArrayEquals(new double[] {6, 7, 8, 9, 10, 11, 12}, placed.x());
        EpochRecord last = parent.epochs().get(parent.epochs().size() - 1);
        assertEquals(last.validationTop1Error(), placed.validation()[0]);
        assertEquals(last.trainTop1Error(), placed.training()[0]);
        assertEquals(fineTune.epochs().get(0).validationTop1Error(), placed.validation()[1]);
        assertEquals(1, placed.firstOwn());
    }

    @Test
    void aWarmStartIsNotOffset_itStartsANewNetRatherThanContinuingA() {
        RunIndex index = RunIndex.read(Fixtures.write(dir));
        RunInfo warmStart = run(index, Fixtures.id("D", "256", "warm-start-A", 1));

        assertEquals(0, LearningCurves.offset(warmStart, index));
        assertEquals(1, LearningCurves.place(warmStart, index).x()[0]);
        assertEquals(0, LearningCurves.place(warmStart, index).firstOwn());
    }

    @Test
    void aFineTuneOfAFineTuneIsOffsetByTheWholeChainBeforeIt() {
        ResultsRoot root = ResultsRoot.at(dir);
        write(root, "D", "256", RunKey.StartKind.WARM_START_A, "warm-start-A", Optional.of("A-parent"), 16);
        write(root, "D", "384", RunKey.StartKind.FINE_TUNE, "fine-tune", Optional.of("D-256"), 5);
        write(root, "D", "[256;512]", RunKey.StartKind.FINE_TUNE, "fine-tune", Optional.of("D-384"), 5);
        RunIndex index = RunIndex.read(root);

        assertEquals(16, LearningCurves.offset(run(index, "D-384"), index));
        assertEquals(21, LearningCurves.offset(run(index, "D-256-512"), index));
        assertEquals(21, LearningCurves.place(run(index, "D-256-512"), index).x()[0]);
    }

    @Test
    void aRunThatDivergedBeforeItsFirstEpochHasNoPointButCountsInItsArm() {
        ResultsRoot root = Fixtures.write(dir);
        RunFolder early = Fixtures.run(root, "A-LRN", "256", "37", "paper-normal", 2);
        early.markDiverged(new io.vggsuite.results.Divergence(1, 2.2));
        RunIndex index = RunIndex.read(root);

        Arm lrn = LearningCurves.arms(index).get("A-LRN").get(0);

        assertEquals(2, lrn.runs().size());
        assertTrue(LearningCurves.figures(index).stream().anyMatch(f -> f.fileStem().equals("learning-curves-a-lrn")));
    }

    @Test
    void theRateDropsAreFoundWhereTheRateFalls_placedAfterTheLastEpochAtTheOldRate() {
        List<EpochRecord> epochs = epochs(16, e -> e <= 11 ? RATE : e <= 14 ? RATE_TENTH : RATE_HUNDREDTH);

        List<RateDrop> drops = LearningCurves.rateDrops(epochs, 0);

        assertEquals(List.of(11.0, 14.0), drops.stream().map(RateDrop::x).toList());
        drops.forEach(d -> assertEquals(10, d.factor(), 1e-4));
        assertEquals(List.of(27.0, 30.0), LearningCurves.rateDrops(epochs, 16).stream().map(RateDrop::x).toList());
    }

    @Test
    void aConstantOrRisingRateHasNoDrop_thoughFloatNoiseMakesItWobble() {
        assertEquals(List.of(), LearningCurves.rateDrops(epochs(5, e -> e % 2 == 0 ? RATE : 0.01), 0));
        assertEquals(List.of(), LearningCurves.rateDrops(epochs(5, e -> 0.001 * e), 0));
    }

    @Test
    void theBandIsTheSeedsMeanMinAndMaxAtEachEpoch_aDivergedEpochLeftOut() {
        Band band = LearningCurves.aggregate(
                List.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}, new double[] {1, 2}),
                List.of(new double[] {60, 50, 40}, new double[] {70, 52, Double.NaN}, new double[] {65, 48}));

        assertArrayEquals(new double[] {1, 2, 3}, band.x());
        assertArrayEquals(new double[] {65, 50, 40}, band.y(), 1e-9);
        assertArrayEquals(new double[] {60, 48, 40}, band.low());
        assertArrayEquals(new double[] {70, 52, 40}, band.high());
    }

    @Test
    void theLastChangeIsTheMeanErrorsMoveOverTheLastEpochs_emptyOnAShorterCurve() {
        Band curve = Band.line(new double[] {1, 2, 3, 4, 5}, new double[] {60, 50, 45, 44.5, 44.2});
        assertEquals(-5.8, LearningCurves.lastChange(curve, 3).orElseThrow(), 1e-9);
        assertEquals(Optional.empty(), LearningCurves.lastChange(curve, 5));
    }

    @Test
    void aFineTunesLastChangeIsItsOwn_neverReachingBackIntoItsParent() {
        ResultsRoot root = ResultsRoot.at(dir);
        write(root, "D", "256", RunKey.StartKind.WARM_START_A, "warm-start-A", Optional.of("A-parent"), 16);
        write(root, "D", "384", RunKey.StartKind.FINE_TUNE, "fine-tune", Optional.of("D-256"), 2);
        write(root, "D", "[256;512]", RunKey.StartKind.FINE_TUNE, "fine-tune", Optional.of("D-384"), 5);
        RunIndex index = RunIndex.read(root);
        List<Arm> arms = LearningCurves.arms(index).get("D");

        // Epochs 42 - e: the warm start's last 3 fall by 3 points; the 2-epoch fine-tune has no 3-epoch window.
        assertTrue(trace(arms, "256", index).name().endsWith("; -3.0 over the last 3)"),
                trace(arms, "256", index).name());
        assertFalse(trace(arms, "384", index).name().contains("over the last"), trace(arms, "384", index).name());
        assertTrue(trace(arms, "[256;512]", index).name().endsWith("; -3.0 over the last 3)"));
    }

    @Test
    void moreThanSixArmsGoToFurtherPanels_aFineTuneStayingWithItsParent() {
        List<Arm> arms = new ArrayList<>();
        for (String start : List.of("a", "b", "c", "d", "e", "f", "g")) {
            arms.add(arm(start, "256", Optional.empty()));
        }
        Arm child = arm("a", "384", Optional.of(arms.get(0).key()));
        arms.add(child);

        List<List<Arm>> panels = LearningCurves.panels(arms);

        assertEquals(2, panels.size());
        assertTrue(panels.stream().allMatch(p -> p.size() <= LearningCurves.MAX_ARMS_PER_PANEL), panels.toString());
        assertEquals(arms.size(), panels.stream().mapToInt(List::size).sum());
        assertEquals(List.of(arms.get(0), child), panels.get(0).subList(0, 2));
    }

    @Test
    void aFullPanelHasAColourForEveryArm() {
        assertEquals(LearningCurves.MAX_ARMS_PER_PANEL, Palette.lines(LearningCurves.MAX_ARMS_PER_PANEL).size());
    }

    @Test
    void sixArmsStayInOnePanel() {
        List<Arm> arms = new ArrayList<>();
        for (String start : List.of("a", "b", "c", "d", "e", "f")) {
            arms.add(arm(start, "256", Optional.empty()));
        }
        assertEquals(1, LearningCurves.panels(arms).size());
    }

    @Test
    void everyNetWithEpochsGetsAFigureInTableOnesOrder() {
        RunIndex index = RunIndex.read(Fixtures.write(dir));
        List<String> stems = LearningCurves.figures(index).stream().map(f -> f.fileStem()).toList();
        assertEquals(List.of("learning-curves-a", "learning-curves-a-lrn", "learning-curves-b", "learning-curves-c",
                "learning-curves-d", "learning-curves-e", "learning-curves-b-5x5"), stems);
    }

    private static Arm arm(String start, String paperScale, Optional<ArmKey> parent) {
        return new Arm(new ArmKey("D", "CIFAR-10, crop 32, width 1/8", 0.125, paperScale, start), List.of(), parent);
    }

    private static io.vggsuite.report.plot.SmallMultiples.Trace trace(List<Arm> arms, String paperScale,
            RunIndex index) {
        Arm arm = arms.stream().filter(a -> a.key().paperTrainScale().equals(paperScale)).findFirst().orElseThrow();
        return LearningCurves.trace(arm, index, false);
    }

    private static RunInfo run(RunIndex index, String runId) {
        return index.byId(runId).orElseThrow(() -> new AssertionError("no run " + runId));
    }

    private static void write(ResultsRoot root, String config, String paperScale, RunKey.StartKind kind, String start,
            Optional<String> parent, int epochs) {
        String id = config + "-" + paperScale.replace("[", "").replace("]", "").replace(";", "-");
        RunKey fixture = Fixtures.key(id, config, paperScale, paperScale.equals("384") ? "55" : "37", start, 1);
        RunFolder run = root.run(id);
        run.writeKey(new RunKey(id, fixture.config(), fixture.width(), fixture.crop(), fixture.paperScale(),
                fixture.trainScale(), kind, start, fixture.initialisation(), parent, 1, fixture.data(),
                fixture.variant()));
        run.writeEpochs(epochs(epochs, e -> RATE));
    }

    private static List<EpochRecord> epochs(int count, java.util.function.IntToDoubleFunction rate) {
        List<EpochRecord> rows = new ArrayList<>();
        for (int e = 1; e <= count; e++) {
            rows.add(new EpochRecord(e, rate.applyAsDouble(e), 1.0, 40.0 - e, 42.0 - e, 10.0, 1.0, 1.0));
        }
        return rows;
    }
}
