package io.vggsuite.ci;

import io.vggsuite.results.ChanceLevel;
import io.vggsuite.results.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Bands from measured spread. Cross-machine: a prediction interval for one more sample of "another
 * machine" (another machine's floating point sends a run down another path, like another seed or
 * another thread count or instruction-set cap on this one; {@link Sample}): mean over the N samples,
 * seeds × numeric perturbations, ± (t·√(1 + 1/N)·std + margin), t being Student's t quantile with
 * N − 1 degrees of freedom for a two-sided false-alarm rate of {@value #FALSE_ALARM_RATE} per
 * metric, so that a check of ~100 metrics raises a false alarm in about one run in ten on a new
 * machine. The margin (half a point of error, 0.02 of loss) keeps a band from collapsing when the
 * samples happen to agree; the band is widened to cover the reference sample's own value (the
 * first seed under the first perturbation, the build's own settings). Same-machine: the largest
 * difference seen between the reference sample and its rerun, plus 1e-9 for printing round-off. A
 * metric whose samples fall into two clusters is refused ({@link Bimodality}): no band holds it.
 *
 * <p>Until 2026-11-30 the factor was a flat 3. With five seeds that let about one metric in twenty
 * through as a false alarm: the first check on another CPU (AMD EPYC against the baseline's Intel
 * Xeon) put 3 of 84 metrics out of band with nothing changed but the machine. Until issue 30 the
 * samples were seeds on one machine only; another CPU then put some nets outside their bands, and
 * some flipped between learned and stalled at chance.
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
     * Bands from seeds under the build's own settings alone ({@link Sample#DEFAULT_PERTURBATION}).
     *
     * @param bySeed the metrics of N ≥ 2 seeds
     * @param rerunOfFirstSeed the metrics of a second run of the first seed on the same machine
     */
    public static SortedMap<String, Baseline.Row> derive(SortedMap<Long, SortedMap<String, Double>> bySeed,
            Map<String, Double> rerunOfFirstSeed) {
        return deriveFromSamples(unperturbed(bySeed), rerunOfFirstSeed);
    }

    /**
     * Bands from N ≥ 2 samples, each a seed under a perturbation; N counts them all. Refuses, naming
     * them, the metrics whose samples fall into two clusters ({@link Bimodality.Refused}).
     *
     * @param samples sample → metric → value, in order: the first is the reference, whose values the
     *     baseline stores (the first seed under the build's own settings)
     * @param rerunOfReference the metrics of a second run of the reference sample on the same machine
     */
    public static SortedMap<String, Baseline.Row> deriveFromSamples(Map<Sample, ? extends Map<String, Double>> samples,
            Map<String, Double> rerunOfReference) {
        return deriveFromSamples(samples, rerunOfReference, Optional.empty());
    }

    /**
     * As {@link #deriveFromSamples(Map, Map)}, with the data set's chance level, so that only a
     * learned/stalled split is refused ({@link Bimodality}).
     */
    public static SortedMap<String, Baseline.Row> deriveFromSamples(Map<Sample, ? extends Map<String, Double>> samples,
            Map<String, Double> rerunOfReference, Optional<ChanceLevel> chance) {
        return deriveFromSamples(samples, rerunOfReference, chance, Optional.empty());
    }

    /**
     * As {@link #deriveFromSamples(Map, Map, Optional)}, with each error's spread floored at the
     * test set's sampling noise between two nets ({@link TestSetNoise}) where the test-image count
     * is known: the row keeps the measured std; its band uses the larger of the two.
     */
    public static SortedMap<String, Baseline.Row> deriveFromSamples(Map<Sample, ? extends Map<String, Double>> samples,
            Map<String, Double> rerunOfReference, Optional<ChanceLevel> chance, Optional<TestSetNoise> testSet) {
        if (samples.size() < 2) {
            throw new IllegalArgumentException("deriving a band needs at least 2 samples, got " + samples.size());
        }
        Map<String, Double> reference = samples.values().iterator().next();
        for (Map.Entry<Sample, ? extends Map<String, Double>> sample : samples.entrySet()) {
            for (String metric : reference.keySet()) {
                if (!sample.getValue().containsKey(metric)) {
                    throw new IllegalArgumentException("metric '" + metric + "' is missing for " + sample.getKey());
                }
            }
        }
        Bimodality.refuseBimodal(samples, chance);
        SortedMap<String, Baseline.Row> rows = new TreeMap<>();
        for (Map.Entry<String, Double> entry : new TreeMap<>(reference).entrySet()) {
            String metric = entry.getKey();
            List<Double> values = new ArrayList<>();
            samples.values().forEach(sample -> values.add(sample.get(metric)));
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double std = Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
                    / (values.size() - 1));
            double value = entry.getValue();
            Double rerun = rerunOfReference.get(metric);
            if (rerun == null) {
                throw new IllegalArgumentException("metric '" + metric + "' is missing from the rerun");
            }
            double floor = testSet.map(noise -> noise.floorStd(metric, mean)).orElse(0.0);
            rows.put(metric, band(metric, value, mean, std, Math.max(std, floor), crossMachineFactor(values.size()),
                    Math.abs(rerun - value) + ROUND_OFF));
        }
        return rows;
    }

    /** {@code bySeed} as samples of the build's own settings, in seed order. */
    public static Map<Sample, SortedMap<String, Double>> unperturbed(SortedMap<Long, SortedMap<String, Double>> bySeed) {
        Map<Sample, SortedMap<String, Double>> samples = new LinkedHashMap<>();
        bySeed.forEach((seed, metrics) -> samples.put(new Sample(seed, Sample.DEFAULT_PERTURBATION), metrics));
        return samples;
    }

    /**
     * The samples that repeat an earlier sample of the same seed in every metric, each with the one
     * it repeats: a perturbation that changed no number on this machine (a thread count equal to
     * PyTorch's own, an instruction-set cap above what the CPU has) is that sample again, not
     * another machine, and counting it twice would shrink the spread and grow N. {@link #distinct}
     * drops them.
     */
    public static Map<Sample, Sample> repeats(Map<Sample, ? extends Map<String, Double>> samples) {
        Map<Sample, Sample> repeats = new LinkedHashMap<>();
        List<Sample> kept = new ArrayList<>();
        for (Map.Entry<Sample, ? extends Map<String, Double>> sample : samples.entrySet()) {
            Optional<Sample> same = kept.stream().filter(k -> k.seed() == sample.getKey().seed()
                    && samples.get(k).equals(sample.getValue())).findFirst();
            if (same.isPresent()) {
                repeats.put(sample.getKey(), same.get());
            } else {
                kept.add(sample.getKey());
            }
        }
        return repeats;
    }

    /** {@code samples} without their {@link #repeats}, in order. */
    public static <M extends Map<String, Double>> Map<Sample, M> distinct(Map<Sample, M> samples) {
        Map<Sample, M> distinct = new LinkedHashMap<>(samples);
        distinct.keySet().removeAll(repeats(samples).keySet());
        return distinct;
    }

    /**
     * The metrics that some seed (or sample) lacks, each with the seeds lacking it: a run that
     * diverged has no test metrics (the reference budget's A-LRN diverged in seeds 2 and 3 and collapsed to chance in
     * seed 1). No band can be derived for them from fewer seeds than the rest, so {@link
     * #commonToEverySeed} leaves them out and the baseline's provenance names them; a later check
     * reports such a metric as new, never as within a band it does not have.
     */
    public static <K> SortedMap<String, List<K>> missingFromSomeSeed(Map<K, ? extends Map<String, Double>> bySeed) {
        SortedMap<String, List<K>> missing = new TreeMap<>();
        bySeed.values().forEach(seed -> seed.keySet().forEach(metric -> {
            for (Map.Entry<K, ? extends Map<String, Double>> other : bySeed.entrySet()) {
                if (!other.getValue().containsKey(metric)) {
                    List<K> seeds = missing.computeIfAbsent(metric, m -> new ArrayList<>());
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
        return new TreeMap<>(commonToEverySample(bySeed));
    }

    /** {@code samples}, in their order, with only the metrics every sample has (see {@link #missingFromSomeSeed}). */
    public static <K> Map<K, SortedMap<String, Double>> commonToEverySample(
            Map<K, ? extends Map<String, Double>> samples) {
        SortedMap<String, List<K>> missing = missingFromSomeSeed(samples);
        Map<K, SortedMap<String, Double>> common = new LinkedHashMap<>();
        samples.forEach((sample, metrics) -> {
            SortedMap<String, Double> kept = new TreeMap<>(metrics);
            kept.keySet().removeAll(missing.keySet());
            common.put(sample, kept);
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

    /** The multiple of the samples' standard deviation that the cross-machine band spans each side. */
    public static double crossMachineFactor(int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("a spread needs at least 2 samples, got " + samples);
        }
        double t = new TDistribution(samples - 1).inverseCumulativeProbability(1 - FALSE_ALARM_RATE / 2);
        return t * Math.sqrt(1 + 1.0 / samples);
    }

    /** What the provenance of a baseline says of its cross-machine band. */
    public static String describe(int samples, Optional<TestSetNoise> testSet) {
        return describe(samples) + testSet.map(noise -> "; " + noise.describe())
                .orElse("; no floor from the test set (its image count is not one stated count)");
    }

    /** What the provenance of a baseline says of its cross-machine band, without a test-set floor. */
    public static String describe(int samples) {
        return String.format(Locale.ROOT, "cross-machine band: mean over %d samples (seed × perturbation) ± (%.2f·std"
                + " + margin), the prediction interval of Student's t for one more sample at a false-alarm rate of %s"
                + " per metric, margin %s points of error or %s of loss, widened to cover the first seed", samples,
                crossMachineFactor(samples), FALSE_ALARM_RATE, ERROR_MARGIN, LOSS_MARGIN);
    }

    /**
     * The row of a baseline whose cross-machine band was {@code formerFactor}·std + margin around the
     * seeds' mean (widened to the first seed), with the band this class now derives from the same
     * mean and standard deviation: a change of rule needs no new training runs.
     */
    public static Baseline.Row reband(String metric, Baseline.Row row, int seeds, double formerFactor) {
        return reband(metric, row, seeds, formerFactor, Optional.empty());
    }

    /**
     * As {@link #reband(String, Baseline.Row, int, double)} for a baseline derived with the test
     * set's floor ({@link TestSetNoise}, taken at the stored seed mean), which the new band keeps.
     */
    public static Baseline.Row reband(String metric, Baseline.Row row, int seeds, double formerFactor,
            Optional<TestSetNoise> testSet) {
        double margin = MetricNames.isLoss(metric) ? LOSS_MARGIN : ERROR_MARGIN;
        double bandStd = Math.max(row.seedStd(), testSet.map(n -> n.floorStd(metric, row.seedMean())).orElse(0.0));
        double formerHalf = formerFactor * bandStd + margin;
        double mean;
        if (Math.abs((row.high() - row.low()) - 2 * formerHalf) < 1e-6) {
            mean = (row.low() + row.high()) / 2;
        } else if (Math.abs(row.low() - row.value()) < 1e-9) {
            mean = row.high() - formerHalf; // widened below to reach the first seed
        } else {
            mean = row.low() + formerHalf; // widened above
        }
        return band(metric, row.value(), mean, row.seedStd(), bandStd, crossMachineFactor(seeds),
                row.sameMachineTolerance());
    }

    /**
     * @param measuredStd the samples' standard deviation, which the row stores
     * @param bandStd the spread the band is built on: the measured one, or its floor where larger
     */
    private static Baseline.Row band(String metric, double value, double mean, double measuredStd, double bandStd,
            double factor, double sameMachine) {
        double half = factor * bandStd + (MetricNames.isLoss(metric) ? LOSS_MARGIN : ERROR_MARGIN);
        return new Baseline.Row(value, mean, measuredStd, Math.min(mean - half, value), Math.max(mean + half, value),
                sameMachine);
    }
}
