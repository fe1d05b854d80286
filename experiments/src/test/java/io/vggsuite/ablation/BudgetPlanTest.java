package io.vggsuite.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
