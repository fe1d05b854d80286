package io.vggsuite.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.train.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code derive} over results folders of several perturbations, as ci/derive-baseline.sh writes them. */
class DerivePerturbedBaselineTest {

    private static final String RUN = "D w1/8 S[256;512] fine-tune";
    private static final String TOP1 = RUN + " | dense Q256,384,512 | top-1 error";
    private static final String DEFAULT = Sample.DEFAULT_PERTURBATION;
    private static final String ONE_THREAD = "threads=1,isa=AVX2";

    @TempDir
    Path work;

    /** One complete run of net D per seed into {@code work/perturbation/smoke}, top-1 errors in seed order. */
    private DeriveArguments.PerturbedResults results(String perturbation, double... top1) {
        Path folder = work.resolve(perturbation).resolve("smoke");
        for (int i = 0; i < top1.length; i++) {
            RunSpec d = new AblationPlan(Budget.SMOKE, 10, 3, i + 1).run(VggConfig.D, AblationPlan.JITTERED);
            RunFolder run = ResultsRoot.at(folder).run(d.runId());
            run.writeKey(d.key());
            run.writeEpochs(List.of(new EpochRecord(1, 0.01, 2.2 + top1[i] / 1000, 40, 35, 12, 3, 100)));
            run.writeFinal(List.of(new FinalRecord(EvalMethod.DENSE, List.of(37, 55, 73), List.of(256, 384, 512),
                    top1[i], top1[i] / 3, 100)));
            run.markComplete();
        }
        return new DeriveArguments.PerturbedResults(perturbation, folder);
    }

    @Test
    void theProvenanceNamesTheSeedsThePerturbationsAndTheSamplesCountedAndTheBandCountsThemAll() throws IOException {
        Path baselines = work.resolve("baselines");
        List<DeriveArguments.PerturbedResults> perturbations = List.of(results(DEFAULT, 70, 71, 69),
                results(ONE_THREAD, 72, 70.5, 68));
        DeriveArguments.PerturbedResults rerun = results("rerun", 70);

        BaselineMain.derive(baselines, "smoke", perturbations, Optional.of(rerun.results()), "perturbed", false);

        Baseline baseline = Baseline.read(baselines, "smoke");
        assertEquals("[1, 2, 3]", baseline.provenance().getProperty("seeds"));
        assertEquals("default; threads=1,isa=AVX2", baseline.provenance().getProperty(BaselineMain.PERTURBATIONS));
        assertEquals("6", baseline.provenance().getProperty(BaselineMain.SAMPLES));
        assertEquals(Double.toString(Tolerances.crossMachineFactor(6)),
                baseline.provenance().getProperty(BaselineMain.BAND_FACTOR));
        assertTrue(baseline.provenance().getProperty("derived").startsWith("cross-machine band: mean over 6 samples"),
                baseline.provenance().getProperty("derived"));
        assertTrue(baseline.provenance().getProperty("results").contains(ONE_THREAD + ": "
                + work.resolve(ONE_THREAD).resolve("smoke")));
        assertEquals(70, baseline.rows().get(TOP1).value(), 0);
        assertEquals(70.0833333333, baseline.rows().get(TOP1).seedMean(), 1e-9);
        assertEquals(Tolerances.ROUND_OFF, baseline.rows().get(TOP1).sameMachineTolerance(), 1e-15);
    }

    @Test
    void aPerturbationThatChangedNoNumberOfASeedCountsThatSampleOnceAndTheProvenanceSaysSo() throws IOException {
        Path baselines = work.resolve("baselines");
        BaselineMain.derive(baselines, "smoke", List.of(results(DEFAULT, 70, 71, 69), results(ONE_THREAD, 70, 70.5, 68)),
                Optional.empty(), "a repeat", false);
        Baseline baseline = Baseline.read(baselines, "smoke");
        assertEquals("5", baseline.provenance().getProperty(BaselineMain.SAMPLES));
        assertEquals("seed 1 under threads=1,isa=AVX2 = seed 1 under default",
                baseline.provenance().getProperty(BaselineMain.REPEATED));
    }

    @Test
    void aMetricThatLearnedUnderOnePerturbationAndStalledUnderAnotherWritesNoBaseline() {
        Path baselines = work.resolve("baselines");
        List<DeriveArguments.PerturbedResults> perturbations = List.of(results(DEFAULT, 62, 65, 60),
                results(ONE_THREAD, 90, 61, 90));
        Bimodality.Refused refused = assertThrows(Bimodality.Refused.class,
                () -> BaselineMain.derive(baselines, "smoke", perturbations, Optional.empty(), "bimodal", false));
        assertTrue(refused.getMessage().contains(TOP1 + ": "), refused.getMessage());
        assertTrue(refused.getMessage().contains("90.0 (seed 1 under threads=1,isa=AVX2), 90.0 (seed 3 under "
                + "threads=1,isa=AVX2)"), refused.getMessage());
        assertFalse(Files.exists(Baseline.csv(baselines, "smoke")));
    }

    @Test
    void leavingOutBimodalMetricsBandsTheRestAndNamesEachClusterInTheProvenance() throws IOException {
        Path baselines = work.resolve("baselines");
        BaselineMain.derive(baselines, "smoke", List.of(results(DEFAULT, 62, 65, 60), results(ONE_THREAD, 90, 61, 90)),
                Optional.empty(), "knife-edge net named", true);
        Baseline baseline = Baseline.read(baselines, "smoke");
        assertFalse(baseline.rows().containsKey(TOP1), "the split top-1 error has no band");
        assertTrue(baseline.rows().containsKey(RUN + " | final train loss"), "the loss, one cluster, keeps its band");
        String named = baseline.provenance().getProperty(BaselineMain.NOT_BANDED_BIMODAL);
        assertTrue(named.contains(TOP1 + ": ") && named.contains("90.0 (seed 3 under threads=1,isa=AVX2)"), named);
    }

    @Test
    void aBandWideEnoughToHoldChanceIsNamedInTheProvenance() throws IOException {
        Path wide = work.resolve("wide");
        BaselineMain.derive(wide, "smoke", List.of(results(DEFAULT, 62, 80, 70), results(ONE_THREAD, 84, 64, 75)),
                Optional.empty(), "spread seeds", false);
        String holding = Baseline.read(wide, "smoke").provenance().getProperty(BaselineMain.HOLDING_CHANCE);
        assertTrue(holding.contains(TOP1), holding);
        Path narrow = work.resolve("narrow");
        BaselineMain.derive(narrow, "smoke", List.of(results(DEFAULT, 70, 71, 69), results(ONE_THREAD, 72, 70.5, 68)),
                Optional.empty(), "close seeds", false);
        String none = Baseline.read(narrow, "smoke").provenance().getProperty(BaselineMain.HOLDING_CHANCE);
        assertFalse(none.contains(TOP1), none);
    }

    @Test
    void rebandingABaselineOfSamplesCountsItsSamplesNotItsSeeds() throws IOException {
        Path baselines = work.resolve("baselines");
        BaselineMain.derive(baselines, "smoke", List.of(results(DEFAULT, 70, 71, 69), results(ONE_THREAD, 72, 70.5, 68)),
                Optional.empty(), "perturbed", false);
        Baseline before = Baseline.read(baselines, "smoke");
        BaselineMain.reband(baselines, "smoke", "same rule again");
        Baseline after = Baseline.read(baselines, "smoke");
        assertEquals(Double.toString(Tolerances.crossMachineFactor(6)), after.provenance().getProperty(BaselineMain.BAND_FACTOR));
        assertEquals(before.rows().get(TOP1).low(), after.rows().get(TOP1).low(), 1e-9);
        assertEquals(before.rows().get(TOP1).high(), after.rows().get(TOP1).high(), 1e-9);
    }
}
