package io.vggsuite.ci;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vggsuite.ablation.Budget;
import io.vggsuite.ablation.AblationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The regression check of the budget the experiments just ran (smoke in {@code mvn verify},
 * quick in {@code mvn -Pablation verify}) against {@code ci/baselines/<budget>.csv}.
 */
class AccuracyRegressionTest {

    @Test
    @DisplayName("every baseline metric of the budget that ran is within its band")
    void theBudgetThatRanIsWithinItsBaselineBands(TestReporter reporter) throws IOException {
        AblationSettings settings = AblationSettings.fromSystemProperties();
        Budget budget = settings.budget();
        Path results = settings.results();
        Path baselines = settings.baselines();
        // Smoke's baseline is committed and must exist; a budget without one yet (quick, before its
        // first derivation) is reported as not checked rather than failed or silently passed.
        assumeTrue(budget.freshResults() || Files.exists(Baseline.csv(baselines, budget.name())),
                () -> "no baseline for budget '" + budget.name() + "' yet: derive one with ci/derive-baseline.sh "
                        + budget.name() + " \"why\"");
        Baseline baseline = Baseline.read(baselines, budget.name());
        Baseline.Band band = Baseline.Band.fromProperty(System.getProperty("regression.band", ""));
        RegressionCheck.Outcome outcome = RegressionCheck.compare(baseline, BaselineMain.firstSeed(results), band);
        MachineComparison machines = MachineComparison.of(baseline, results);
        // Surefire keeps no JUnit report entries, so the table goes to a file and one line to the log.
        Path table = Path.of("target", "accuracy-regression-" + budget.name() + ".txt");
        Files.createDirectories(table.getParent());
        Files.writeString(table, "budget " + budget.name() + ", results " + results + ", baseline "
                + Baseline.csv(baselines, budget.name()) + "\n" + outcome.table(machines));
        String summary = "accuracy regression check, budget " + budget.name() + " against "
                + Baseline.csv(baselines, budget.name()) + " (" + band.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " band): " + outcome.summary()
                + "; table: " + table.toAbsolutePath();
        System.out.println(summary);
        reporter.publishEntry("accuracy regression check", "\n" + outcome.table(machines));
        assertTrue(outcome.passed(), () -> outcome.failureMessage(machines)
                + "If the change is deliberate, update the baseline: see docs/regression.md.");
    }
}
