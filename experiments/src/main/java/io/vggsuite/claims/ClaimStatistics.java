package io.vggsuite.claims;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The tests behind every verdict, on gaps in points of top-1 error (positive agrees with the
 * claim). Pure arithmetic on arrays: no DJL, no files, so the simulation test can run it a
 * hundred thousand times in seconds.
 *
 * <p>Two noises move a measured gap: which test images were drawn (test-set noise) and which seed
 * trained the nets (seed noise, 0.7–1.8 points of top-1 at the quick budget, ci/baselines/quick.csv).
 * <ul>
 *   <li>With k ≥ 2 seeds, {@link #fromSeedGaps}: the k per-seed gaps, each measured on the
 *       budget's test images, go into a t statistic with k − 1 degrees of freedom; the spread of
 *       the gaps holds both noises.
 *   <li>With one seed, {@link #fromOneSeed}: variance = var(per-image difference)/n (test set)
 *       + σ²(better) + σ²(worse), the seed variances borrowed from the budget's baseline; normal
 *       quantiles. The nets' seed noises are taken as independent, which overstates the noise of
 *       two evaluations of one net (conservative).
 *   <li>Without a baseline, {@link #testSetOnly}: the test-set variance alone, flagged so that no
 *       verdict stronger than "inconclusive" is drawn from it.
 * </ul>
 * All tests are one-sided at {@link #ALPHA}; intervals are the matching two-sided 95% intervals.
 */
public final class ClaimStatistics {

    /**
     * Level of every one-sided test (and of each of the two one-sided tests of TOST): 2.5%, the
     * one-sided half of the usual two-sided 5%. At exactly 5% one-sided, the false "reproduced"
     * rate would sit at the 5% the simulation test must stay under, not below it.
     */
    public static final double ALPHA = 0.025;

    /** Power at which the minimum detectable effect is stated. */
    public static final double POWER = 0.80;

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private ClaimStatistics() {}

    /**
     * A measured gap and the distribution of its estimate.
     *
     * @param gap the estimated gap, points
     * @param standardError its standard error, points
     * @param degreesOfFreedom of the t statistic; {@link Double#POSITIVE_INFINITY} for the normal
     * @param seedNoiseKnown false when the seed variance could not be measured nor borrowed
     */
    public record Estimate(double gap, double standardError, double degreesOfFreedom, boolean seedNoiseKnown) {

        private double cdf(double z) {
            return Double.isInfinite(degreesOfFreedom) ? NORMAL.cumulativeProbability(z)
                    : new TDistribution(null, degreesOfFreedom).cumulativeProbability(z);
        }

        private double quantile(double p) {
            return Double.isInfinite(degreesOfFreedom) ? NORMAL.inverseCumulativeProbability(p)
                    : new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(p);
        }

        /** Standardised distance of the gap above {@code threshold}; ±∞ (or 0) without noise. */
        private double z(double threshold) {
            double d = gap - threshold;
            if (standardError > 0) {
                return d / standardError;
            }
            return d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
        }

        /** One-sided p-value of "the true gap is at most {@code threshold}". */
        public double pAbove(double threshold) {
            return 1 - cdf(z(threshold));
        }

        /** One-sided p-value of "the true gap is at least {@code threshold}". */
        public double pBelow(double threshold) {
            return cdf(z(threshold));
        }

        /** Lower end of the two-sided 1 − 2α (95%) interval. */
        public double low() {
            return gap - quantile(1 - ALPHA) * standardError;
        }

        /** Upper end of the two-sided 1 − 2α (95%) interval. */
        public double high() {
            return gap + quantile(1 - ALPHA) * standardError;
        }

        /**
         * Minimum detectable effect of the one-sided test: the true gap it finds with probability
         * {@link #POWER}, (q(1 − α) + q(power)) × SE.
         */
        public double superiorityMde() {
            return (quantile(1 - ALPHA) + quantile(POWER)) * standardError;
        }

        /**
         * Minimum detectable equivalence: the narrowest margin that TOST establishes with
         * probability {@link #POWER} when the true gap is 0, (q(1 − α) + q(1 − (1 − power)/2)) × SE.
         */
        public double equivalenceMde() {
            return (quantile(1 - ALPHA) + quantile(1 - (1 - POWER) / 2)) * standardError;
        }

        /** TOST p-value for "|true gap| < margin": the larger of the two one-sided p-values. */
        public double pEquivalent(double margin) {
            return Math.max(pAbove(-margin), pBelow(margin));
        }

        /** p-value for "the true gap lies outside ±margin": the smaller one-sided p of the two sides. */
        public double pOutside(double margin) {
            return Math.min(pAbove(margin), pBelow(-margin));
        }
    }

    /**
     * The estimate the rule uses for one comparison: per-seed gaps with k ≥ 2 seeds; with one seed
     * the per-image differences plus the borrowed seed spreads, or the test set alone (flagged)
     * when either spread is unknown.
     *
     * @param first per seed, per test image: whether the arm claimed better is right (top-1)
     * @param second the same for the arm claimed worse, on the same images
     */
    public static Estimate estimate(List<boolean[]> first, List<boolean[]> second, OptionalDouble seedStdFirst,
            OptionalDouble seedStdSecond) {
        if (first.size() != second.size() || first.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs one pair of measurements per seed, got "
                    + first.size() + " and " + second.size());
        }
        if (first.size() >= 2) {
            double[] gaps = new double[first.size()];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = mean(perImageDifferences(first.get(i), second.get(i)));
            }
            return fromSeedGaps(gaps);
        }
        double[] d = perImageDifferences(first.get(0), second.get(0));
        return seedStdFirst.isPresent() && seedStdSecond.isPresent()
                ? fromOneSeed(d, seedStdFirst.getAsDouble(), seedStdSecond.getAsDouble())
                : testSetOnly(d);
    }

    /** k ≥ 2 per-seed gaps (points): t statistic with k − 1 degrees of freedom. */
    public static Estimate fromSeedGaps(double[] gaps) {
        if (gaps.length < 2) {
            throw new IllegalArgumentException("a per-seed t-test needs two or more seeds, got " + gaps.length);
        }
        double mean = mean(gaps);
        return new Estimate(mean, Math.sqrt(sampleVariance(gaps, mean) / gaps.length), gaps.length - 1, true);
    }

    /**
     * One seed: the per-image differences (points, 100 × (better right − worse right)) carry the
     * test-set noise; {@code seedStdBetter} and {@code seedStdWorse} (points, borrowed from the
     * budget's baseline) the seed noise.
     */
    public static Estimate fromOneSeed(double[] perImageDifferences, double seedStdBetter, double seedStdWorse) {
        double testVariance = testSetVariance(perImageDifferences);
        double seedVariance = seedStdBetter * seedStdBetter + seedStdWorse * seedStdWorse;
        return new Estimate(mean(perImageDifferences), Math.sqrt(testVariance + seedVariance),
                Double.POSITIVE_INFINITY, true);
    }

    /** One seed without a measured seed spread: the test-set noise only, marked as incomplete. */
    public static Estimate testSetOnly(double[] perImageDifferences) {
        return new Estimate(mean(perImageDifferences), Math.sqrt(testSetVariance(perImageDifferences)),
                Double.POSITIVE_INFINITY, false);
    }

    /** Per-image differences in points: 100 × (better right − worse right), one per test image. */
    public static double[] perImageDifferences(boolean[] betterCorrect, boolean[] worseCorrect) {
        if (betterCorrect.length != worseCorrect.length || betterCorrect.length == 0) {
            throw new IllegalArgumentException("a paired difference needs the same, non-empty test images: "
                    + betterCorrect.length + " vs " + worseCorrect.length);
        }
        double[] d = new double[betterCorrect.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = 100.0 * ((betterCorrect[i] ? 1 : 0) - (worseCorrect[i] ? 1 : 0));
        }
        return d;
    }

    /**
     * Holm's step-down adjustment: the i-th smallest of m p-values is multiplied by m − i + 1,
     * made monotone and capped at 1. {@code NaN} entries (no test) are left out of m and stay NaN.
     */
    public static double[] holm(double[] pValues) {
        Integer[] order = java.util.stream.IntStream.range(0, pValues.length)
                .filter(i -> !Double.isNaN(pValues[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < order.length; rank++) {
            running = Math.max(running, Math.min(1, (order.length - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }

    private static double testSetVariance(double[] d) {
        if (d.length < 2) {
            throw new IllegalArgumentException("a test-set variance needs two or more images, got " + d.length);
        }
        return sampleVariance(d, mean(d)) / d.length;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sampleVariance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
