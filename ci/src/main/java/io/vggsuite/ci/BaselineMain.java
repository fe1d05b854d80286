package io.vggsuite.ci;

import io.vggsuite.results.ChanceLevel;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunKey;
import io.vggsuite.results.SeedMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes baselines; the one entry point for deliberate changes of accuracy numbers.
 *
 * <pre>
 * derive BUDGET RERUN_RESULTS MESSAGE --sample LABEL RESULTS [--sample LABEL RESULTS ...]
 *                                                     bands from every seed in every RESULTS, each run
 *                                                     under the numeric perturbation LABEL (the first is
 *                                                     the reference, "default": the build's own settings)
 * derive BUDGET SEEDS_RESULTS RERUN_RESULTS MESSAGE   the same with one folder, perturbation "default"
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

    /**
     * Provenance key: the metrics left out of the bands because their samples split into two
     * clusters ({@link Bimodality}), each with its clusters; only with {@code --leave-out-bimodal}.
     */
    static final String NOT_BANDED_BIMODAL = "not.banded.bimodal";
    /** Provenance key: the data set's chance level the bimodality rule judged with ({@link ChanceLevel}). */
    static final String CHANCE = "chance.level";

    /**
     * Provenance key: how many bands, and which, hold the data set's chance level: the check cannot
     * tell a net that stalled there from one that learned.
     */
    static final String HOLDING_CHANCE = "bands.holding.chance";

    /** Provenance key: the test images of every banded run, which set each error's floor ({@link TestSetNoise}). */
    static final String TEST_IMAGES = "test.images";

    /** Provenance key: the multiple of the seeds' std the cross-machine band spans each side. */
    static final String BAND_FACTOR = "band.factor";

    /** Provenance key: the labels of the numeric perturbations the samples ran under, "; "-separated. */
    static final String PERTURBATIONS = "perturbations";

    /** Provenance key: N, the samples (seed × perturbation) the cross-machine band was derived from. */
    static final String SAMPLES = "samples";

    /** Provenance key: the samples left out because they repeat another sample of their seed in every metric. */
    static final String REPEATED = "samples.repeated";

    /** Provenance key: the seed × perturbation pairs that have no complete run. */
    static final String ABSENT = "samples.absent";

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: ci/baseline derive BUDGET RERUN_RESULTS|none MESSAGE --sample LABEL RESULTS [--sample LABEL RESULTS ...]"
                    + " [--leave-out-bimodal]",
            "       ci/baseline derive BUDGET SEEDS_RESULTS RERUN_RESULTS|none MESSAGE [--leave-out-bimodal]",
            "       ci/baseline update BUDGET RESULTS MESSAGE",
            "       ci/baseline reband BUDGET MESSAGE",
            "       ci/baseline check  BUDGET RESULTS [cross-machine|same-machine]",
            "  derive: every seed in each RESULTS is one sample of another machine, run under the numeric",
            "  perturbation LABEL (e.g. threads=1,isa=AVX2); the first --sample is the reference, whose first",
            "  seed gives the baseline's values and is the run RERUN_RESULTS repeats (\"default\": the build's",
            "  own settings). The second form is one folder under \"default\". ci/derive-baseline.sh trains",
            "  the samples and the rerun, then calls the first.",
            "");

    private BaselineMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Path baselines = Path.of(System.getProperty("ci.baselines", "ci/baselines"));
        String budget = args[1];
        switch (args[0]) {
            case "derive" -> {
                DeriveArguments derive;
                try {
                    derive = DeriveArguments.parse(java.util.Arrays.asList(args).subList(1, args.length));
                } catch (IllegalArgumentException e) {
                    System.err.print(e.getMessage() + System.lineSeparator() + USAGE);
                    System.exit(2);
                    return;
                }
                try {
                    derive(baselines, derive.budget(), derive.samples(), derive.rerun(), derive.message(),
                            derive.leaveOutBimodal());
                } catch (Bimodality.Refused e) {
                    System.err.println("refusing to derive " + Baseline.csv(baselines, derive.budget()) + ": "
                            + e.getMessage() + "\nIf no budget change can make them learn on one side (say so in the"
                            + " message), derive again with " + DeriveArguments.LEAVE_OUT_BIMODAL + ": they are then"
                            + " left out of the bands and named in the baseline's provenance (" + NOT_BANDED_BIMODAL
                            + ").");
                    System.exit(1);
                }
            }
            case "update" -> update(baselines, budget, Path.of(args[2]), required(args, 3));
            case "reband" -> reband(baselines, budget, required(args, 2));
            case "check" -> {
                Baseline.Band band = Baseline.Band.fromProperty(args.length > 3 ? args[3] : "");
                Baseline baseline = Baseline.read(baselines, budget);
                Path results = Path.of(args[2]);
                RegressionCheck.Outcome outcome = RegressionCheck.compare(baseline, firstSeed(results), band);
                System.out.print(outcome.table(MachineComparison.of(baseline, results)));
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

    /** Bands from the seeds of one results folder, run with the build's own settings. */
    static void derive(Path baselines, String budget, Path seedsResults, Optional<Path> rerunResults,
            String message) throws IOException {
        derive(baselines, budget, List.of(new DeriveArguments.PerturbedResults(Sample.DEFAULT_PERTURBATION,
                seedsResults)), rerunResults, message, false);
    }

    /**
     * Bands from every seed of every results folder, each folder run under one numeric perturbation
     * (the first the reference: its first seed gives the values, and {@code rerunResults} repeats
     * it). Every (seed, perturbation) is one sample of another machine; samples that repeat another
     * of their seed in every metric count once ({@link Tolerances#repeats}). Writes nothing, and
     * throws {@link Bimodality.Refused}, if a metric's samples fall into two clusters.
     */
    static void derive(Path baselines, String budget, List<DeriveArguments.PerturbedResults> perturbations,
            Optional<Path> rerunResults, String message, boolean leaveOutBimodal) throws IOException {
        if (perturbations.isEmpty()) {
            throw new IllegalArgumentException("deriving a band needs at least one results folder");
        }
        Map<Sample, SortedMap<String, Double>> allMetrics = new LinkedHashMap<>();
        SortedSet<Long> seeds = new TreeSet<>();
        List<RunKey> keys = new ArrayList<>();
        for (DeriveArguments.PerturbedResults perturbed : perturbations) {
            ResultsRoot.at(perturbed.results()).runs().forEach(run -> run.key().ifPresent(keys::add));
            SortedMap<Long, SortedMap<String, Double>> bySeed = SeedMetrics.bySeed(ResultsRoot.at(perturbed.results()));
            if (bySeed.isEmpty()) {
                throw new IllegalArgumentException("no complete runs in " + perturbed.results() + " (perturbation "
                        + perturbed.perturbation() + ")");
            }
            bySeed.forEach((seed, metrics) -> allMetrics.put(new Sample(seed, perturbed.perturbation()), metrics));
            seeds.addAll(bySeed.keySet());
        }
        List<Sample> absent = new ArrayList<>();
        for (DeriveArguments.PerturbedResults perturbed : perturbations) {
            seeds.stream().map(seed -> new Sample(seed, perturbed.perturbation()))
                    .filter(sample -> !allMetrics.containsKey(sample)).forEach(absent::add);
        }
        SortedMap<String, List<Sample>> unbanded = Tolerances.missingFromSomeSeed(allMetrics);
        Map<Sample, SortedMap<String, Double>> common = Tolerances.commonToEverySample(allMetrics);
        Map<Sample, Sample> repeats = Tolerances.repeats(common);
        Map<Sample, SortedMap<String, Double>> samples = Tolerances.distinct(common);

        Properties provenance = provenance(perturbations.get(0).results(), budget, message);
        provenance.setProperty("seeds", seeds.toString());
        provenance.setProperty(PERTURBATIONS, perturbations.stream().map(DeriveArguments.PerturbedResults::perturbation)
                .collect(Collectors.joining("; ")));
        provenance.setProperty(SAMPLES, Integer.toString(samples.size()));
        if (perturbations.size() > 1) {
            provenance.setProperty("results", perturbations.stream().map(p -> p.perturbation() + ": " + p.results())
                    .collect(Collectors.joining("; ")));
        }
        if (!absent.isEmpty()) {
            String named = absent.stream().map(Sample::toString).collect(Collectors.joining("; "));
            provenance.setProperty(ABSENT, named);
            System.out.println("no complete run (those samples are not counted): " + named);
        }
        if (!repeats.isEmpty()) {
            String named = repeats.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining("; "));
            provenance.setProperty(REPEATED, named);
            System.out.println("counted once (identical in every metric to another sample of its seed): " + named);
        }
        if (!unbanded.isEmpty()) {
            StringBuilder named = new StringBuilder();
            unbanded.forEach((metric, lacking) -> named.append(named.length() == 0 ? "" : "; ")
                    .append(metric).append(" (no value in ").append(lacking.stream().map(Sample::toString)
                            .collect(Collectors.joining(", "))).append(')'));
            provenance.setProperty(NOT_BANDED, named.toString());
            System.out.println("not banded (a sample has no value, e.g. its run diverged): " + unbanded.size()
                    + " metrics: " + named);
        }
        // Issue 30: without the data set's chance level the gap rule refused splits that were no
        // learned/stalled pair (one sample 8 points worse; two seeds both at chance).
        Optional<ChanceLevel> chance = ChanceLevel.ofRuns(keys);
        provenance.setProperty(CHANCE, chance.map(c -> c.classes() + " classes: chance top-1 error "
                + String.format(java.util.Locale.ROOT, "%.1f, top-5 %.1f, loss %.3f", c.top1Error(), c.top5Error(),
                        c.loss())).orElse("unknown (the gap rule alone decides what is bimodal)"));
        List<Bimodality.Split> bimodal = Bimodality.splits(samples, chance);
        if (!bimodal.isEmpty()) {
            if (!leaveOutBimodal) {
                throw new Bimodality.Refused(bimodal);
            }
            String named = bimodal.stream().map(Bimodality.Split::toString).collect(Collectors.joining("; "));
            provenance.setProperty(NOT_BANDED_BIMODAL, named);
            Map<Sample, SortedMap<String, Double>> banded = new LinkedHashMap<>();
            samples.forEach((sample, metrics) -> banded.put(sample, new TreeMap<>(metrics)));
            bimodal.forEach(split -> banded.values().forEach(metrics -> metrics.remove(split.metric())));
            samples = banded;
            System.out.println("NOT BANDED, two clusters (" + DeriveArguments.LEAVE_OUT_BIMODAL + "): " + bimodal.size()
                    + " metrics; the check does not cover them:\n  " + named.replace("; ", "\n  "));
        }
        Sample reference = samples.keySet().iterator().next();
        String sameMachine = rerunResults.isPresent()
                ? "the first seed's value ± its measured rerun difference + " + Tolerances.ROUND_OFF
                : "the first seed's value ± " + Tolerances.ROUND_OFF + ", NOT measured for this budget (no rerun);"
                        + " it assumes the determinism the smoke budget's rerun measures";
        // Issue 30: six samples measured a spread far below what 500 test images allow between two
        // nets, and the next CPU fell outside it; TestSetNoise floors each error's spread.
        Optional<TestSetNoise> testSet = TestSetNoise.ofRuns(keys);
        testSet.ifPresent(noise -> provenance.setProperty(TEST_IMAGES, Integer.toString(noise.testImages())));
        provenance.setProperty("derived", Tolerances.describe(samples.size(), testSet) + " (" + reference + ")"
                + "; same-machine band: " + sameMachine);
        provenance.setProperty(BAND_FACTOR, Double.toString(Tolerances.crossMachineFactor(samples.size())));
        SortedMap<String, Baseline.Row> rows = Tolerances.deriveFromSamples(samples,
                rerunResults.isPresent() ? firstSeed(rerunResults.get()) : samples.get(reference), chance, testSet);
        // What the check cannot see (issue 30): a band wide enough to hold chance passes a net that
        // stalled there. Named, so that a green check is not read as "every net still learns".
        List<String> holdingChance = chance.map(level -> rows.entrySet().stream()
                .filter(row -> level.of(row.getKey()).stream()
                        .anyMatch(value -> row.getValue().within(value, Baseline.Band.CROSS_MACHINE)))
                .map(Map.Entry::getKey).toList()).orElse(List.of());
        provenance.setProperty(HOLDING_CHANCE, holdingChance.size() + " of " + rows.size()
                + (holdingChance.isEmpty() ? "" : ": " + String.join("; ", holdingChance)));
        new Baseline(rows, provenance).write(baselines, budget);
        if (!holdingChance.isEmpty()) {
            System.out.println(holdingChance.size() + " of " + rows.size() + " bands hold chance level, so a net that"
                    + " stalled there would pass them (more samples narrow them; the provenance names them, "
                    + HOLDING_CHANCE + ")");
        }
        System.out.println("wrote " + Baseline.csv(baselines, budget) + " from " + samples.size() + " samples: seeds "
                + seeds + " × perturbations " + provenance.getProperty(PERTURBATIONS));
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
        copy(old.provenance(), provenance, PERTURBATIONS);
        copy(old.provenance(), provenance, SAMPLES);
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
        // N: the samples (seed × perturbation) where the baseline counts them, else its seeds.
        int seeds = old.provenance().containsKey(SAMPLES) ? Integer.parseInt(old.provenance().getProperty(SAMPLES))
                : seedList.isBlank() || seedList.equals("?") ? 0 : seedList.split(",").length;
        if (seeds < 2) {
            throw new IllegalArgumentException(Baseline.sidecar(baselines, budget) + " names seeds '" + seedList
                    + "' and samples '" + old.provenance().getProperty(SAMPLES, "") + "': a band needs the number"
                    + " of samples it was derived from (at least 2)");
        }
        double former = Double.parseDouble(old.provenance().getProperty(BAND_FACTOR,
                Double.toString(Tolerances.FORMER_FLAT_FACTOR)));
        // A baseline derived with the test set's floor (issue 30) keeps it; older ones had none.
        Optional<TestSetNoise> testSet = Optional.ofNullable(old.provenance().getProperty(TEST_IMAGES))
                .map(count -> new TestSetNoise(Integer.parseInt(count.trim())));
        SortedMap<String, Baseline.Row> rows = new TreeMap<>();
        old.rows().forEach((metric, row) -> rows.put(metric, Tolerances.reband(metric, row, seeds, former, testSet)));
        Properties provenance = (Properties) old.provenance().clone();
        provenance.setProperty("message", message);
        provenance.setProperty("written", Instant.now().toString());
        String derived = old.provenance().getProperty("derived", "");
        int sameMachine = derived.indexOf("same-machine band:");
        provenance.setProperty("derived", Tolerances.describe(seeds, testSet) + " (re-banded from the stored means and"
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
        MachineComparison.firstRun(results).ifPresent(run -> {
            for (String key : ProvenanceKeys.MACHINE) {
                run.get(key).ifPresent(v -> p.setProperty(key, v));
            }
            for (String key : new String[] {ProvenanceKeys.GIT_COMMIT, ProvenanceKeys.GIT_DIRTY,
                ProvenanceKeys.DATASET, ProvenanceKeys.DATASET_CHECKSUM}) {
                run.get(key).ifPresent(v -> p.setProperty(key, v));
            }
        });
        return p;
    }
}
