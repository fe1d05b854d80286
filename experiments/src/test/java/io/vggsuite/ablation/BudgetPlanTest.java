package io.vggsuite.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.model.VggConfig;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.RunFolder;
import io.vggsuite.train.LearningRateSchedule;
import io.vggsuite.train.RunSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/** The plan printout warns before the hours are spent, and estimates what a GPU budget takes. */
class BudgetPlanTest {

    @TempDir
    Path results;

    private String describe(Budget budget, int trainImages) {
        List<AblationPlan> plans = budget.seeds().stream().map(seed -> new AblationPlan(budget, 10, 3, seed)).toList();
        return new BudgetPlan(budget, plans, AblationPlan::all, trainImages).describe(results);
    }

    @Test
    void anEstimateOverTheBudgetsTargetIsFlaggedWithWaysToShrinkIt(TestReporter reporter) {
        String over = describe(Budget.SMOKE.toBuilder().trainingTarget(Duration.ofSeconds(1)).build(), 2000);
        reporter.publishEntry("plan", over);
        assertTrue(over.contains("! that exceeds this budget's target of 1 s")
                && over.contains("-Dablation.budget=smoke"), over);
        assertFalse(over.contains("-Dablation.seeds"), "smoke has one seed, none to drop: " + over);
        String threeSeeds = describe(Budget.SMOKE.toBuilder().seeds(List.of(4L, 5L, 6L))
                .trainingTarget(Duration.ofSeconds(1)).build(), 2000);
        assertTrue(threeSeeds.contains("fewer seeds (-Dablation.seeds=4)"), threeSeeds);
    }

    /**
     * Under the plateau rule the cap bounds the estimate; the runs already complete in the folder
     * say where runs stop, per kind, and the plan prints that estimate beside the bound.
     */
    @Test
    void underThePlateauRuleThePlanAlsoEstimatesFromWhereTheRunsCompleteHereStopped(TestReporter reporter) {
        Budget plateau = Budget.SMOKE.toBuilder().schedule(LearningRateSchedule.Plateau.paper()).scratchEpochs(4)
                .build();
        String none = describe(plateau, 2000);
        assertFalse(none.contains("complete here"), "nothing complete, nothing to say: " + none);

        RunSpec a = new AblationPlan(plateau, 10, 3, 1).run(VggConfig.A, AblationPlan.S256);
        RunFolder folder = RunFolder.at(results, a.runId());
        folder.writeEpochs(List.of(new EpochRecord(1, 0.01, 2.0, 80, 80, 40, 1, 1),
                new EpochRecord(2, 0.01, 1.9, 75, 76, 35, 1, 1)));
        folder.markComplete();
        String one = describe(plateau, 2000);
        reporter.publishEntry("plan", one);
        Matcher bound = Pattern.compile("at most ([0-9.]+) min").matcher(one);
        Matcher atStops = Pattern.compile("~([0-9.]+) min if the runs left stop where the 1 complete here did \\(on"
                + " average 2 of 4 epochs from scratch or a warm start; a kind with none complete counted at its cap\\)")
                .matcher(one);
        assertTrue(bound.find() && atStops.find(), one);
        assertTrue(Double.parseDouble(atStops.group(1)) < Double.parseDouble(bound.group(1)), one);
    }

    @Test
    void anEstimateWithinTheTargetIsNotFlagged() {
        String within = describe(Budget.SMOKE.toBuilder().trainingTarget(Duration.ofDays(1)).build(), 2000);
        assertFalse(within.contains("exceeds"), within);
    }

    @Test
    void aBudgetWithoutACpuTargetPlannedOnACpuIsEstimatedForOneGpu(TestReporter reporter) {
        String full = describe(Budget.FULL, 45_000);
        reporter.publishEntry("plan", full);
        assertTrue(full.contains("on one GPU: ~") && full.contains("at a stated 40 TFLOP/s"), full);
        // CIFAR-scale nets are too small to keep a GPU busy: the loader bound decides the estimate.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "on one GPU: ~([0-9.]+) h .*TFLOP/s \\(([0-9.]+) h\\).*images/s \\(([0-9.]+) h\\)").matcher(full);
        assertTrue(m.find(), full);
        assertEquals(m.group(3), m.group(1), "the slower bound is the loader's at CIFAR scale: " + m.group());
        assertTrue(Double.parseDouble(m.group(2)) < Double.parseDouble(m.group(3)), m.group());
        assertFalse(full.contains("exceeds"), full);
    }
}
