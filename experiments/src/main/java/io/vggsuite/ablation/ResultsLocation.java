package io.vggsuite.ablation;

import java.nio.file.Path;

/**
 * Where a budget's results live, in one place for the experiments that write them and the
 * regression check that reads them: {@code -Dablation.results=DIR} gives {@code DIR/<budget>};
 * otherwise smoke (which checks machinery and starts afresh) lives under the experiments module's
 * build folder, and every other budget in {@code results/<budget>} at the project root, outside
 * any {@code target/}, so that {@code mvn clean} never deletes hours of training.
 */
public final class ResultsLocation {

    private ResultsLocation() {}

    /**
     * @param configured the value of {@code ablation.results}, blank when unset
     * @param projectRoot the project's root folder
     */
    public static Path of(Budget budget, String configured, Path projectRoot) {
        Path results;
        if (configured != null && !configured.isBlank()) {
            results = Path.of(configured).resolve(budget.name());
        } else if (budget.freshResults()) {
            results = projectRoot.resolve("experiments").resolve("target").resolve("results").resolve(budget.name());
        } else {
            results = projectRoot.resolve("results").resolve(budget.name());
        }
        return results.toAbsolutePath().normalize();
    }
}
