package io.vggsuite.ci;

import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.SeedMetrics;
import io.vggsuite.results.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes baselines; the one entry point for deliberate changes of accuracy numbers.
 *
 * <pre>
 * derive BUDGET SEEDS_RESULTS RERUN_RESULTS MESSAGE   bands from N seeds and a same-machine rerun
 *                                                     (RERUN_RESULTS "none": no rerun was run)
 * update BUDGET RESULTS MESSAGE                       new values from one run, band widths kept
 * check  BUDGET RESULTS [cross-machine|same-machine]  print the table; exit 1 outside the band
 * </pre>
 *
 * Baselines are written to {@code ci/baselines} (or {@code -Dci.baselines=DIR}).
 */
public final class BaselineMain {

    /** What {@code derive} takes instead of a rerun's results folder when there was none. */
    static final String NO_RERUN = "none";

    /** Provenance key: the metrics left out of the bands because some seed has no value for them. */
    static final String NOT_BANDED = "not.banded";

    /** Provenance key: the multiple of the seeds' std the cross-machine band spans each side. */
    static final String BAND_FACTOR = "band.factor";

    private BaselineMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: derive BUDGET SEEDS_RESULTS RERUN_RESULTS MESSAGE"
                    + " | update BUDGET RESULTS MESSAGE | reband BUDGET MESSAGE | check BUDGET RESULTS [BAND]");
            System.exit(2);
        }
        Path baselines = Path.of(System.getProperty("ci.baselines", "ci/baselines"));
        String budget = args[1];
        switch (args[0]) {
            case "derive" -> derive(baselines, budget, Path.of(args[2]),
                    NO_RERUN.equals(args[3]) ? Optional.empty() : Optional.of(Path.of(args[3])), required(args, 4));
            case "update" -> update(baselines, budget, Path.of(args[2]), required(args, 3));
            case "reband" -> reband(baselines, budget, required(args, 2));
            case "check" -> {
                Baseline.Band band = Baseline.Band.fromProperty(args.length > 3 ? args[3] : "");
                RegressionCheck.Outcome outcome = RegressionCheck.compare(Baseline.read(baselines, budget),
                        firstSeed(Path.of(args[2])), band);
                System.out.print(outcome.table());
                System.exit(outcome.passed() ? 0 : 1);
            }
            default -> {
                System.err.println("unknown command '" + args[0] + "': expected derive, update, reband or check");
                System.exit(2);
            }
        }
    }

    private static String required(String[] args, int index) {
        if (args.length <= index || args[index].isBlank()) {
            throw new IllegalArgumentException("a message saying why the baseline changes is required");
        }
        return args[index];
    }

    static void derive(Path baselines, String budget, Path seedsResults, Optional<Path> rerunResults,
            String message) throws IOException {
        SortedMap<Long, SortedMap<String, Double>> allMetrics = SeedMetrics.bySeed(ResultsRoot.at(seedsResults));
        SortedMap<String, java.util.List<Long>> unbanded = Tolerances.missingFromSomeSeed(allMetrics);
        SortedMap<Long, SortedMap<String, Double>> bySeed = Tolerances.commonToEverySeed(allMetrics);
        Properties provenance = provenance(seedsResults, budget, message);
        provenance.setProperty("seeds", bySeed.keySet().toString());
        if (!unbanded.isEmpty()) {
            StringBuilder named = new StringBuilder();
            unbanded.forEach((metric, seeds) -> named.append(named.length() == 0 ? "" : "; ")
                    .append(metric).append(" (no value in seeds ").append(seeds).append(')'));
            provenance.setProperty(NOT_BANDED, named.toString());
            System.out.println("not banded (a seed has no value, e.g. its run diverged): " + unbanded.size()
                    + " metrics: " + named);
        }
        String sameMachine = rerunResults.isPresent()
                ? "the first seed's value ± its measured rerun difference + " + Tolerances.ROUND_OFF
                : "the first seed's value ± " + Tolerances.ROUND_OFF + ", NOT measured for this budget (no rerun);"
                        + " it assumes the determinism the smoke budget's rerun measures";
        provenance.setProperty("derived", Tolerances.describe(bySeed.size()) + "; same-machine band: " + sameMachine);
        provenance.setProperty(BAND_FACTOR, Double.toString(Tolerances.crossMachineFactor(bySeed.size())));
        SortedMap<String, Baseline.Row> rows = rerunResults.isPresent()
                ? Tolerances.derive(bySeed, firstSeed(rerunResults.get()))
                : Tolerances.deriveWithoutRerun(bySeed);
        new Baseline(rows, provenance).write(baselines, budget);
        System.out.println("wrote " + Baseline.csv(baselines, budget) + " from seeds " + bySeed.keySet());
    }

    static void update(Path baselines, String budget, Path results, String message) throws IOException {
        Baseline old = Baseline.read(baselines, budget);
        Map<String, Double> measured = firstSeed(results);
        SortedMap<String, Baseline.Row> rows = new TreeMap<>();
        for (Map.Entry<String, Double> entry : measured.entrySet()) {
            Baseline.Row was = old.rows().get(entry.getKey());
            double v = entry.getValue();
            double below = was == null ? 0 : was.value() - was.low();
            double above = was == null ? 0 : was.high() - was.value();
            double same = was == null ? Tolerances.ROUND_OFF : was.sameMachineTolerance();
            // The band moves with the value; so does the seeds' mean it is centred on.
            double mean = was == null ? v : was.seedMean() + (v - was.value());
            rows.put(entry.getKey(), new Baseline.Row(v, mean, was == null ? 0 : was.seedStd(), v - below, v + above,
                    same));
        }
        Properties provenance = provenance(results, budget, message);
        provenance.setProperty("seeds", old.provenance().getProperty("seeds", "?"));
        provenance.setProperty("derived", old.provenance().getProperty("derived", "?")
                + "; values updated from one run, band widths kept");
        copy(old.provenance(), provenance, BAND_FACTOR);
        new Baseline(rows, provenance).write(baselines, budget);
        System.out.println("updated " + Baseline.csv(baselines, budget) + " from " + results);
    }

    /**
     * Recomputes the cross-machine bands of a baseline with the current rule from the seed means
     * and standard deviations it stores; values and same-machine bands stay.
     */
    static void reband(Path baselines, String budget, String message) throws IOException {
        Baseline old = Baseline.read(baselines, budget);
        String seedList = old.provenance().getProperty("seeds", "");
        int seeds = seedList.isBlank() || seedList.equals("?") ? 0 : seedList.split(",").length;
        if (seeds < 2) {
            throw new IllegalArgumentException(Baseline.sidecar(baselines, budget) + " names seeds '" + seedList
                    + "': a band needs the number of seeds it was derived from (at least 2)");
        }
        double former = Double.parseDouble(old.provenance().getProperty(BAND_FACTOR,
                Double.toString(Tolerances.FORMER_FLAT_FACTOR)));
        SortedMap<String, Baseline.Row> rows = new TreeMap<>();
        old.rows().forEach((metric, row) -> rows.put(metric, Tolerances.reband(metric, row, seeds, former)));
        Properties provenance = (Properties) old.provenance().clone();
        provenance.setProperty("message", message);
        provenance.setProperty("written", Instant.now().toString());
        String derived = old.provenance().getProperty("derived", "");
        int sameMachine = derived.indexOf("same-machine band:");
        provenance.setProperty("derived", Tolerances.describe(seeds) + " (re-banded from the stored means and"
                + " standard deviations)" + (sameMachine >= 0 ? "; " + derived.substring(sameMachine) : ""));
        provenance.setProperty(BAND_FACTOR, Double.toString(Tolerances.crossMachineFactor(seeds)));
        new Baseline(rows, provenance).write(baselines, budget);
        System.out.printf(java.util.Locale.ROOT, "re-banded %s: %.2f·std instead of %.2f·std%n",
                Baseline.csv(baselines, budget), Tolerances.crossMachineFactor(seeds), former);
    }

    private static void copy(Properties from, Properties to, String key) {
        String value = from.getProperty(key);
        if (value != null) {
            to.setProperty(key, value);
        }
    }

    static Map<String, Double> firstSeed(Path results) {
        SortedMap<Long, SortedMap<String, Double>> bySeed = SeedMetrics.bySeed(ResultsRoot.at(results));
        if (bySeed.isEmpty()) {
            throw new IllegalArgumentException("no complete runs in " + results);
        }
        return bySeed.get(bySeed.firstKey());
    }

    private static Properties provenance(Path results, String budget, String message) {
        Properties p = new Properties();
        p.setProperty("budget", budget);
        p.setProperty("message", message);
        p.setProperty("written", Instant.now().toString());
        p.setProperty("results", results.toString());
        ResultsRoot.at(results).runs().stream().map(RunFolder::provenance).flatMap(java.util.Optional::stream)
                .findFirst().ifPresent(run -> {
                    for (String key : new String[] {ProvenanceKeys.GIT_COMMIT, ProvenanceKeys.GIT_DIRTY,
                        ProvenanceKeys.DJL_VERSION, ProvenanceKeys.PYTORCH_VERSION, ProvenanceKeys.DEVICE,
                        ProvenanceKeys.DATASET, ProvenanceKeys.DATASET_CHECKSUM}) {
                        run.get(key).ifPresent(v -> p.setProperty(key, v));
                    }
                });
        return p;
    }
}
