package io.vggsuite.ci;

import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
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

    private BaselineMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: derive BUDGET SEEDS_RESULTS RERUN_RESULTS MESSAGE"
                    + " | update BUDGET RESULTS MESSAGE | check BUDGET RESULTS [BAND]");
            System.exit(2);
        }
        Path baselines = Path.of(System.getProperty("ci.baselines", "ci/baselines"));
        String budget = args[1];
        switch (args[0]) {
            case "derive" -> derive(baselines, budget, Path.of(args[2]),
                    NO_RERUN.equals(args[3]) ? Optional.empty() : Optional.of(Path.of(args[3])), required(args, 4));
            case "update" -> update(baselines, budget, Path.of(args[2]), required(args, 3));
            case "check" -> {
                Baseline.Band band = Baseline.Band.fromProperty(args.length > 3 ? args[3] : "");
                RegressionCheck.Outcome outcome = RegressionCheck.compare(Baseline.read(baselines, budget),
                        firstSeed(Path.of(args[2])), band);
                System.out.print(outcome.table());
                System.exit(outcome.passed() ? 0 : 1);
            }
            default -> {
                System.err.println("unknown command '" + args[0] + "': expected derive, update or check");
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
        SortedMap<Long, SortedMap<String, Double>> bySeed = Metrics.bySeed(ResultsRoot.at(seedsResults));
        Properties provenance = provenance(seedsResults, budget, message);
        provenance.setProperty("seeds", bySeed.keySet().toString());
        String sameMachine = rerunResults.isPresent()
                ? "the first seed's value ± its measured rerun difference + " + Tolerances.ROUND_OFF
                : "the first seed's value ± " + Tolerances.ROUND_OFF + ", NOT measured for this budget (no rerun);"
                        + " it assumes the determinism the smoke budget's rerun measures";
        provenance.setProperty("derived", "cross-machine band: mean over seeds ± (" + Tolerances.K
                + "·std + margin), margin " + Tolerances.ERROR_MARGIN + " points of error or "
                + Tolerances.LOSS_MARGIN + " of loss, widened to cover the first seed; same-machine band: "
                + sameMachine);
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
            rows.put(entry.getKey(), new Baseline.Row(v, v, was == null ? 0 : was.seedStd(), v - below, v + above, same));
        }
        Properties provenance = provenance(results, budget, message);
        provenance.setProperty("seeds", old.provenance().getProperty("seeds", "?"));
        provenance.setProperty("derived", old.provenance().getProperty("derived", "?")
                + "; values updated from one run, band widths kept");
        new Baseline(rows, provenance).write(baselines, budget);
        System.out.println("updated " + Baseline.csv(baselines, budget) + " from " + results);
    }

    static Map<String, Double> firstSeed(Path results) {
        SortedMap<Long, SortedMap<String, Double>> bySeed = Metrics.bySeed(ResultsRoot.at(results));
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
