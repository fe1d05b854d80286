package io.vggsuite.ci;

import io.vggsuite.results.MetricNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Bands from measured spread. Cross-machine: a prediction interval for one more seed (another
 * machine's floating point sends a run down another path, like another seed): mean over N seeds
 * ± (t·√(1 + 1/N)·std + margin), t being Student's t quantile with N − 1 degrees of freedom for a
 * two-sided false-alarm rate of {@value #FALSE_ALARM_RATE} per metric, so that a check of ~100
 * metrics raises a false alarm in about one run in ten on a new machine. The margin (half a point of
 * error, 0.02 of loss) keeps a band from collapsing when the seeds happen to agree; the band is
 * widened to cover the first seed's own value. Same-machine: the largest difference seen between the
 * first seed and its rerun, plus 1e-9 for printing round-off.
 *
 * <p>Until 2026-11-30 the factor was a flat 3. With five seeds that let about one metric in twenty
 * through as a false alarm: the first check on another CPU (AMD EPYC against the baseline's Intel
 * Xeon) put 3 of 84 metrics out of band with nothing changed but the machine.
 */
public final class Tolerances {

    /** Two-sided probability that a metric of an unchanged build on another machine leaves its band. */
    public static final double FALSE_ALARM_RATE = 0.001;
    /** The factor of every baseline written before the rule above, which {@link #reband} replaces. */
    public static final double FORMER_FLAT_FACTOR = 3.0;
    public static final double ERROR_MARGIN = 0.5;
    public static final double LOSS_MARGIN = 0.02;
    public static final double ROUND_OFF = 1e-9;

    private Tolerances() {}

    /**
     * @param bySeed the metrics of N ≥ 2 seeds
     * @param rerunOfFirstSeed the metrics of a second run of the first seed on the same machine
     */
    public static SortedMap<String, Baseline.Row> derive(SortedMap<Long, SortedMap<String, Double>> bySeed,
            Map<String, Double> rerunOfFirstSeed) {
        if (bySeed.size() < 2) {
            throw new IllegalArgumentException("deriving a band needs at least 2 seeds, got " + bySeed.size());
        }
        SortedMap<String, Double> first = bySeed.get(bySeed.firstKey());
        SortedMap<String, Baseline.Row> rows = new TreeMap<>();
        for (Map.Entry<String, Double> entry : first.entrySet()) {
            String metric = entry.getKey();
            List<Double> values = new ArrayList<>();
            for (SortedMap<String, Double> seed : bySeed.values()) {
                Double v = seed.get(metric);
                if (v == null) {
                    throw new IllegalArgumentException("metric '" + metric + "' is missing for a seed");
                }
                values.add(v);
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double std = Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
                    / (values.size() - 1));
            double value = entry.getValue();
            Double rerun = rerunOfFirstSeed.get(metric);
            if (rerun == null) {
                throw new IllegalArgumentException("metric '" + metric + "' is missing from the rerun");
            }
            rows.put(metric, band(metric, value, mean, std, crossMachineFactor(values.size()),
                    Math.abs(rerun - value) + ROUND_OFF));
        }
        return rows;
    }

    /**
     * The metrics that some seed lacks, each with the seeds lacking it: a run that diverged has no
     * test metrics (the reference budget's A-LRN diverged in seeds 2 and 3 and collapsed to chance in
     * seed 1). No band can be derived for them from fewer seeds than the rest, so {@link
     * #commonToEverySeed} leaves them out and the baseline's provenance names them; a later check
     * reports such a metric as new, never as within a band it does not have.
     */
    public static SortedMap<String, List<Long>> missingFromSomeSeed(SortedMap<Long, SortedMap<String, Double>> bySeed) {
        SortedMap<String, List<Long>> missing = new TreeMap<>();
        bySeed.values().forEach(seed -> seed.keySet().forEach(metric -> {
            for (Map.Entry<Long, SortedMap<String, Double>> other : bySeed.entrySet()) {
                if (!other.getValue().containsKey(metric)) {
                    List<Long> seeds = missing.computeIfAbsent(metric, m -> new ArrayList<>());
                    if (!seeds.contains(other.getKey())) {
                        seeds.add(other.getKey());
                    }
                }
            }
        }));
        return missing;
    }

    /** {@code bySeed} with only the metrics every seed has (see {@link #missingFromSomeSeed}). */
    public static SortedMap<Long, SortedMap<String, Double>> commonToEverySeed(
            SortedMap<Long, SortedMap<String, Double>> bySeed) {
        SortedMap<String, List<Long>> missing = missingFromSomeSeed(bySeed);
        SortedMap<Long, SortedMap<String, Double>> common = new TreeMap<>();
        bySeed.forEach((seed, metrics) -> {
            SortedMap<String, Double> kept = new TreeMap<>(metrics);
            kept.keySet().removeAll(missing.keySet());
            common.put(seed, kept);
        });
        return common;
    }

    /**
     * Bands for a budget too long to run twice with the same seed: the same-machine tolerance is
     * round-off alone, which holds only where a run is deterministic, as the smoke budget's
     * rerun measures for the same code path. The baseline's provenance must say so.
     */
    public static SortedMap<String, Baseline.Row> deriveWithoutRerun(SortedMap<Long, SortedMap<String, Double>> bySeed) {
        if (bySeed.isEmpty()) {
            throw new IllegalArgumentException("deriving a band needs at least 2 seeds, got 0");
        }
        return derive(bySeed, bySeed.get(bySeed.firstKey()));
    }

    /** The multiple of the seeds' standard deviation that the cross-machine band spans each side. */
    public static double crossMachineFactor(int seeds) {
        if (seeds < 2) {
            throw new IllegalArgumentException("a spread needs at least 2 seeds, got " + seeds);
        }
        double t = new TDistribution(seeds - 1).inverseCumulativeProbability(1 - FALSE_ALARM_RATE / 2);
        return t * Math.sqrt(1 + 1.0 / seeds);
    }

    /** What the provenance of a baseline says of its cross-machine band. */
    public static String describe(int seeds) {
        return String.format(Locale.ROOT, "cross-machine band: mean over %d seeds ± (%.2f·std + margin), the"
                + " prediction interval of Student's t for one more seed at a false-alarm rate of %s per metric,"
                + " margin %s points of error or %s of loss, widened to cover the first seed", seeds,
                crossMachineFactor(seeds), FALSE_ALARM_RATE, ERROR_MARGIN, LOSS_MARGIN);
    }

    /**
     * The row of a baseline whose cross-machine band was {@code formerFactor}·std + margin around the
     * seeds' mean (widened to the first seed), with the band this class now derives from the same
     * mean and standard deviation: a change of rule needs no new training runs.
     */
    public static Baseline.Row reband(String metric, Baseline.Row row, int seeds, double formerFactor) {
        double margin = MetricNames.isLoss(metric) ? LOSS_MARGIN : ERROR_MARGIN;
        double formerHalf = formerFactor * row.seedStd() + margin;
        double mean;
        if (Math.abs((row.high() - row.low()) - 2 * formerHalf) < 1e-6) {
            mean = (row.low() + row.high()) / 2;
        } else if (Math.abs(row.low() - row.value()) < 1e-9) {
            mean = row.high() - formerHalf; // widened below to reach the first seed
        } else {
            mean = row.low() + formerHalf; // widened above
        }
        return band(metric, row.value(), mean, row.seedStd(), crossMachineFactor(seeds), row.sameMachineTolerance());
    }

    private static Baseline.Row band(String metric, double value, double mean, double std, double factor,
            double sameMachine) {
        double half = factor * std + (MetricNames.isLoss(metric) ? LOSS_MARGIN : ERROR_MARGIN);
        return new Baseline.Row(value, mean, std, Math.min(mean - half, value), Math.max(mean + half, value),
                sameMachine);
    }
}
