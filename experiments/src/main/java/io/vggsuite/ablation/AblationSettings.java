package io.vggsuite.ablation;

import java.nio.file.Path;

/**
 * What an ablation job was asked to do, read once from the {@code -Dablation.*} system properties
 * that {@code mvn verify} and {@code mvn -Pablation verify} pass (the root POM's defaults): the
 * experiments' extension and the regression check that follows it read this record, never the
 * properties themselves, so the two cannot disagree on the budget or the folder.
 *
 * @param budget {@code ablation.budget} (default smoke), with {@code ablation.seeds} and, for the
 *     imagenet budget, {@code ablation.imagenet}
 * @param root {@code ablation.root}: the project's root folder (default {@code ..}, from a module)
 * @param results where the budget's runs live ({@link ResultsLocation}, from {@code ablation.results})
 * @param baseline {@code ablation.baseline}, or {@code ci/baselines/<budget>.csv} under the root:
 *     the baseline whose seed spreads one-seed verdicts borrow
 * @param keepResults {@code ablation.keepResults}: a folder filled elsewhere (a cluster's jobs) is
 *     kept even by a budget that otherwise starts afresh
 */
public record AblationSettings(Budget budget, Path root, Path results, Path baseline, boolean keepResults) {

    /** The settings of this JVM's {@code -Dablation.*} properties. */
    public static AblationSettings fromSystemProperties() {
        Budget budget = Budget.named(System.getProperty("ablation.budget", "smoke"),
                System.getProperty("ablation.imagenet", "")).withSeeds(System.getProperty("ablation.seeds", ""));
        Path root = Path.of(System.getProperty("ablation.root", ".."));
        Path results = ResultsLocation.of(budget, System.getProperty("ablation.results", ""), root);
        String given = System.getProperty("ablation.baseline", "");
        Path baseline = given.isBlank() ? baselines(root).resolve(budget.name() + ".csv") : Path.of(given);
        return new AblationSettings(budget, root, results, baseline, Boolean.getBoolean("ablation.keepResults"));
    }

    /** {@code ci/baselines} under the project root: every budget's committed baseline. */
    public Path baselines() {
        return baselines(root);
    }

    private static Path baselines(Path root) {
        return root.resolve("ci").resolve("baselines");
    }
}
