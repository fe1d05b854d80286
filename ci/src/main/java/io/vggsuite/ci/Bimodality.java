package io.vggsuite.ci;

import io.vggsuite.results.ChanceLevel;
import io.vggsuite.results.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.moment.SecondMoment;

/**
 * Refuses a metric whose samples fall into two clusters: a net that learned under some seeds or
 * perturbations and stalled at chance under others (top-1 error 62, 65, 60 against 90, 90). A band
 * is a mean ± a multiple of one spread; two outcomes have no such spread, and whichever one a new
 * machine lands on, the band either fails it or is so wide that it passes anything (issue 30: on
 * another CPU some smoke nets flipped between learned and stalled).
 *
 * <p>The rule, for N ≥ {@value #MIN_SAMPLES} values of one metric: sort them, find the largest gap
 * between neighbours, and split there into a lower and an upper cluster. The metric is bimodal when
 * that gap exceeds both
 * <ul>
 *   <li>a floor, {@value #ERROR_FLOOR} points of error or {@value #LOSS_FLOOR} of loss ({@link
 *       MetricNames#isLoss}): below it two clusters are a spread a band can hold, whatever the ratio
 *       (seeds that agree to a tenth of a point are not two outcomes when one lies 1 point off);
 *       and</li>
 *   <li>{@value #GAP_FACTOR} times the pooled within-cluster standard deviation,
 *       √((SS<sub>lower</sub> + SS<sub>upper</sub>) / (N − 2)), SS being a cluster's sum of squared
 *       deviations from its own mean. For one normal spread the largest gap of up to a few dozen
 *       samples lies at a tail and is rarely above 1–2 standard deviations; one of 5 is a one-sided
 *       tail of about 3·10⁻⁷. A learned/stalled split is tens of points against within-cluster
 *       spreads of 1–4 points (the smoke baseline's seed standard deviations).</li>
 * </ul>
 * and, where the data set's chance level is known ({@link ChanceLevel}), the split is one of learned
 * against stalled: the upper cluster's mean lies within {@link ChanceLevel#MARGIN_POINTS} points of
 * chance-level error (top-1 100·(1 − 1/C), top-5 100·(1 − 5/C)) or {@value #LOSS_FLOOR} of the
 * chance-level loss ln C, and the lower cluster's mean below that. Without the class count the
 * smoke baseline of issue 30 refused three splits that were no such thing (at N = 6: B's top-1 with
 * one sample 8 points worse, C's loss with one sample lower, E's top-5 with two seeds both at
 * chance, 48.8 and 55.2); with it, only A from the paper's initialisation (seed 1 at chance in top-1,
 * top-5 and loss under every perturbation, seed 2 off it) is refused (BimodalityTest replays those
 * samples). Without a class count (an image folder) the gap rule alone decides, which refuses more.
 * A single sample may be a cluster: that is the net that stalled once, with a pooled deviation
 * from the others alone. Values that are not finite (a loss that became NaN) are their own upper
 * cluster when other samples have finite values. Fewer than {@value #MIN_SAMPLES} values leave no
 * degrees of freedom for the pooled deviation, and such a metric is not tested.
 *
 * <p>commons-math3 has no dip test or gap statistic; the sums of squares are its {@link SecondMoment}.
 */
public final class Bimodality {

    /** Points of top-1 or top-5 error a gap must exceed. */
    public static final double ERROR_FLOOR = 5.0;
    /** Training loss a gap must exceed. */
    public static final double LOSS_FLOOR = 0.05;
    /** Multiple of the pooled within-cluster standard deviation a gap must exceed. */
    public static final double GAP_FACTOR = 5.0;
    /** The fewest samples the test judges: two clusters need N − 2 ≥ 1 degrees of freedom. */
    public static final int MIN_SAMPLES = 3;

    private Bimodality() {}

    /**
     * Whether clusters with these means are a learned net (lower) against a stalled one (upper):
     * the upper within the margin of chance, the lower clear of it. Always true without a chance
     * level, or for a metric that is neither an error nor a loss.
     */
    private static boolean learnedAgainstStalled(String metric, double lowerMean, double upperMean,
            Optional<ChanceLevel> chance) {
        if (chance.isEmpty() || chance.get().of(metric).isEmpty()) {
            return true;
        }
        double level = chance.get().of(metric).getAsDouble();
        double margin = MetricNames.isLoss(metric) ? LOSS_FLOOR : ChanceLevel.MARGIN_POINTS;
        return Math.abs(upperMean - level) <= margin && lowerMean < level - margin;
    }

    /**
     * A metric split into two clusters.
     *
     * @param lower the samples of the lower cluster with their values, ascending
     * @param upper the samples of the upper cluster with their values, ascending
     * @param gap the gap between the clusters
     * @param pooledStd the pooled within-cluster standard deviation
     */
    public record Split(String metric, Map<Sample, Double> lower, Map<Sample, Double> upper, double gap,
            double pooledStd) {

        public Split {
            lower = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lower));
            upper = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(upper));
        }

        /** "METRIC: 60.0 (seed 1 under default), … | gap 25.0 (pooled std 2.05) | 90.0 (…), …". */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %s | gap %.4g (pooled std %.3g) | %s", metric, describe(lower), gap,
                    pooledStd, describe(upper));
        }

        private static String describe(Map<Sample, Double> cluster) {
            return cluster.entrySet().stream()
                    .map(e -> e.getValue() + " (" + e.getKey() + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    /** Thrown when some metric is bimodal: names every such metric and the samples of each cluster. */
    public static final class Refused extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final transient List<Split> splits;

        Refused(List<Split> splits) {
            super(splits.size() + " metric(s) split into two clusters over the samples (learned in some, stalled in"
                    + " others?), so no band covers them; find why before deriving (a gap above max(floor, "
                    + GAP_FACTOR + " × pooled std), floor " + ERROR_FLOOR + " points of error or " + LOSS_FLOOR
                    + " of loss):\n  " + splits.stream().map(Split::toString).collect(Collectors.joining("\n  ")));
            this.splits = List.copyOf(splits);
        }

        public List<Split> splits() {
            return splits;
        }
    }

    /** The split of one metric's values if they are bimodal by the gap rule alone (no chance level known). */
    public static Optional<Split> split(String metric, Map<Sample, Double> values) {
        return split(metric, values, Optional.empty());
    }

    /** The split of one metric's values if they are bimodal by the rule above. */
    public static Optional<Split> split(String metric, Map<Sample, Double> values, Optional<ChanceLevel> chance) {
        if (values.size() < MIN_SAMPLES) {
            return Optional.empty();
        }
        List<Map.Entry<Sample, Double>> sorted = values.entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList();
        int finite = (int) sorted.stream().filter(e -> Double.isFinite(e.getValue())).count();
        if (finite == 0) {
            return Optional.empty();
        }
        if (finite < sorted.size()) {
            // -Infinity sorts first; NaN and +Infinity last. All of them: another outcome, not a spread.
            Map<Sample, Double> numbers = new LinkedHashMap<>();
            Map<Sample, Double> others = new LinkedHashMap<>();
            sorted.forEach(e -> (Double.isFinite(e.getValue()) ? numbers : others).put(e.getKey(), e.getValue()));
            return Optional.of(new Split(metric, numbers, others, Double.POSITIVE_INFINITY, Double.NaN));
        }
        int cut = 1;
        double gap = -1;
        for (int i = 1; i < sorted.size(); i++) {
            double g = sorted.get(i).getValue() - sorted.get(i - 1).getValue();
            if (g > gap) {
                gap = g;
                cut = i;
            }
        }
        List<Map.Entry<Sample, Double>> lower = sorted.subList(0, cut);
        List<Map.Entry<Sample, Double>> upper = sorted.subList(cut, sorted.size());
        double pooledStd = Math.sqrt((sumOfSquares(lower) + sumOfSquares(upper)) / (sorted.size() - 2));
        double floor = MetricNames.isLoss(metric) ? LOSS_FLOOR : ERROR_FLOOR;
        if (gap > floor && gap > GAP_FACTOR * pooledStd
                && learnedAgainstStalled(metric, mean(lower), mean(upper), chance)) {
            return Optional.of(new Split(metric, asMap(lower), asMap(upper), gap, pooledStd));
        }
        return Optional.empty();
    }

    /**
     * The bimodal metrics among those every sample has, in metric order.
     *
     * @param samples sample → metric → value
     */
    public static List<Split> splits(Map<Sample, ? extends Map<String, Double>> samples) {
        return splits(samples, Optional.empty());
    }

    /**
     * The bimodal metrics among those every sample has, in metric order, judged with the data set's
     * chance levels.
     *
     * @param samples sample → metric → value
     */
    public static List<Split> splits(Map<Sample, ? extends Map<String, Double>> samples,
            Optional<ChanceLevel> chance) {
        List<Split> splits = new ArrayList<>();
        samples.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().forEach(metric -> {
            Map<Sample, Double> values = new LinkedHashMap<>();
            samples.forEach((sample, metrics) -> {
                Double v = metrics.get(metric);
                if (v != null) {
                    values.put(sample, v);
                }
            });
            if (values.size() == samples.size()) {
                split(metric, values, chance).ifPresent(splits::add);
            }
        });
        return splits;
    }

    /** Throws {@link Refused}, naming every bimodal metric, if there is one. */
    public static void refuseBimodal(Map<Sample, ? extends Map<String, Double>> samples,
            Optional<ChanceLevel> chance) {
        List<Split> splits = splits(samples, chance);
        if (!splits.isEmpty()) {
            throw new Refused(splits);
        }
    }

    private static double mean(List<Map.Entry<Sample, Double>> cluster) {
        return cluster.stream().mapToDouble(Map.Entry::getValue).average().orElse(Double.NaN);
    }

    private static double sumOfSquares(List<Map.Entry<Sample, Double>> cluster) {
        return new SecondMoment().evaluate(cluster.stream().mapToDouble(Map.Entry::getValue).toArray());
    }

    private static Map<Sample, Double> asMap(List<Map.Entry<Sample, Double>> entries) {
        Map<Sample, Double> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
