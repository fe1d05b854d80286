package io.vggsuite.cluster;

import io.vggsuite.ablation.Budget;
import java.nio.file.Path;
import java.util.List;

/**
 * The step after the last run: the evaluation, the claims and the report of a budget, produced
 * from the shared results folder by the same command as a local run. The experiments' JUnit tests
 * are that code; pointed at a folder whose runs are all complete, every run comes from the cache,
 * and what remains is evaluation (kept in each run's folder), claims and report.
 * {@code -Dablation.keepResults=true} stops the smoke budget from emptying the folder first, and
 * {@code -Dtest=…} skips the other modules' unit tests (Failsafe, which runs the experiments in the
 * ablation profile, reads {@code it.test}, not {@code test}).
 */
public final class FinishStep {

    private FinishStep() {}

    /** The Maven command, run in {@code projectRoot} (a checkout on the shared file system). */
    public static List<String> mavenCommand(Budget budget, Path resultsParent) {
        Budget named = Budget.named(budget.name(), budget.data().dataset().replaceFirst("^imagefolder:", ""));
        if (!named.data().equals(budget.data())) {
            throw new IllegalArgumentException("the finishing step runs the experiments, which know the budget "
                    + budget.name() + " only with its own data (" + named.data() + "), not " + budget.data());
        }
        return List.of("mvn", "-B", "-o", "-Pablation", "verify", "-pl", "experiments", "-am",
                "-Dtest=NoUnitTestsInTheFinishStep", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-Dablation.budget=" + budget.name(),
                "-Dablation.seeds=" + String.join(",", budget.seeds().stream().map(String::valueOf).toList()),
                "-Dablation.results=" + resultsParent.toAbsolutePath().normalize(),
                "-Dablation.keepResults=true");
    }
}
