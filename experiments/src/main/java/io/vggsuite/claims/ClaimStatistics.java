package io.vggsuite.claims;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
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
 *   <li>With k ≥ 2 seeds, {@link #fromSeedsAndImages}: every seed is scored on the same n test
 *       images, so the spread of the k per-seed gaps holds the seed noise but not the part of the
 *       test-set noise that all seeds share (which images were drawn moves every seed's gap
 *       alike). A two-way random-effects decomposition of the per-seed, per-image differences
 *       d(s, i) = μ + seed(s) + image(i) + residual gives Var(gap) = σ²(seed)/k + σ²(image)/n +
 *       σ²(residual)/(kn), estimated from the mean squares as MS(seed)/(kn) + max(0, MS(image) −
 *       MS(residual))/(kn): the per-seed t's variance plus the shared image part. Degrees of
 *       freedom by Satterthwaite. Chosen over a bootstrap over images combined with the t over
 *       seeds because it is exact arithmetic (the simulation test runs it 10⁵ times), gives
 *       the t's degrees of freedom for the MDE, and reduces to the per-seed t when the shared
 *       image part is nil. {@link #fromSeedGaps} is that per-seed t alone, for callers that have
 *       only gaps (the power forecast before any run).
 *   <li>With one seed, {@link #fromOneSeed}: variance = var(per-image difference)/n (test set)
 *       + σ²(better) + σ²(worse), the seed variances borrowed from the budget's baseline; normal
 *       quantiles. The nets' seed noises are taken as independent, which overstates the noise of
 *       two evaluations of one net (conservative).
 *   <li>Without a baseline, {@link #testSetOnly}: the test-set variance alone, flagged so that no
 *       verdict stronger than "inconclusive" is drawn from it.
 * </ul>
 * All tests are one-sided at {@link #ALPHA}; intervals are the matching two-sided 95% intervals.
 * Minimum detectable effects come from the noncentral t (the normal where the degrees of freedom
 * are infinite): the central-t shortcut (q(1 − α) + q(power)) × SE understates them by about 5% at
 * four degrees of freedom.
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
         * {@link #POWER}, δ × SE where the noncentral t with noncentrality δ exceeds q(1 − α) with
         * that probability ((q(1 − α) + q(power)) × SE for the normal).
         */
        public double superiorityMde() {
            return NoncentralT.superiorityDelta(degreesOfFreedom) * standardError;
        }

        /**
         * Minimum detectable equivalence: the narrowest margin that TOST establishes with
         * probability {@link #POWER} when the true gap is 0. TOST establishes ±m when |gap| +
         * q(1 − α) × SE &lt; m, the estimated SE varying with the degrees of freedom as the t's does
         * ((q(1 − α) + q(1 − (1 − power)/2)) × SE for the normal).
         */
        public double equivalenceMde() {
            return NoncentralT.equivalenceDelta(degreesOfFreedom) * standardError;
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
     * The noncentralities (in standard errors) at which the t tests reach {@link #POWER}: with
     * T = (Z + δ)/√(V/ν), V ~ χ²(ν), the power averages over V on a grid of its quantiles.
     * Degrees of freedom are rounded down (conservative), so each integer ν is solved once per
     * JVM; ν above 10⁶ counts as the normal.
     */
    static final class NoncentralT {
        private static final int GRID = 512;
        private static final int NORMAL_KEY = Integer.MAX_VALUE;
        private static final Map<Integer, Double> SUPERIORITY = new ConcurrentHashMap<>();
        private static final Map<Integer, Double> EQUIVALENCE = new ConcurrentHashMap<>();

        private NoncentralT() {}

        private static int key(double degreesOfFreedom) {
            return Double.isInfinite(degreesOfFreedom) || degreesOfFreedom > 1e6 ? NORMAL_KEY
                    : Math.max(1, (int) Math.floor(degreesOfFreedom));
        }

        /** δ with P(T &gt; q(1 − α)) = power: the superiority MDE in standard errors. */
        static double superiorityDelta(double degreesOfFreedom) {
            return SUPERIORITY.computeIfAbsent(key(degreesOfFreedom), nu -> {
                double[] scales = scales(nu);
                double critical = critical(nu);
                return solveForPower(delta -> average(scales, scale ->
                        NORMAL.cumulativeProbability(delta - critical * scale)));
            });
        }

        /** δ with P(|Z| + q(1 − α)√(V/ν) &lt; δ) = power: the equivalence MDE in standard errors. */
        static double equivalenceDelta(double degreesOfFreedom) {
            return EQUIVALENCE.computeIfAbsent(key(degreesOfFreedom), nu -> {
                double[] scales = scales(nu);
                double critical = critical(nu);
                return solveForPower(delta -> average(scales, scale ->
                        Math.max(0, 2 * NORMAL.cumulativeProbability(delta - critical * scale) - 1)));
            });
        }

        private static double critical(int nu) {
            return nu == NORMAL_KEY ? NORMAL.inverseCumulativeProbability(1 - ALPHA)
                    : new TDistribution(null, nu).inverseCumulativeProbability(1 - ALPHA);
        }

        /** √(V/ν) at the midpoints of GRID equal-probability slices of χ²(ν); {1} for the normal. */
        private static double[] scales(int nu) {
            if (nu == NORMAL_KEY) {
                return new double[] {1};
            }
            ChiSquaredDistribution chi = new ChiSquaredDistribution(null, nu);
            double[] scale = new double[GRID];
            for (int j = 0; j < GRID; j++) {
                scale[j] = Math.sqrt(chi.inverseCumulativeProbability((j + 0.5) / GRID) / nu);
            }
            return scale;
        }

        private static double average(double[] scales, java.util.function.DoubleUnaryOperator power) {
            double sum = 0;
            for (double scale : scales) {
                sum += power.applyAsDouble(scale);
            }
            return sum / scales.length;
        }

        /** The δ at which {@code power}, rising in δ, reaches {@link #POWER}. */
        private static double solveForPower(java.util.function.DoubleUnaryOperator power) {
            double low = 0;
            double high = 1;
            while (power.applyAsDouble(high) < POWER) {
                high *= 2;
            }
            for (int step = 0; step < 50; step++) {
                double middle = (low + high) / 2;
                if (power.applyAsDouble(middle) < POWER) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            return (low + high) / 2;
        }
    }

    /**
     * The estimate the rule uses for one comparison: seeds × shared test images with k ≥ 2 seeds; with one seed
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
            return fromSeedsAndImages(perSeedDifferences(first, second));
        }
        double[] d = perImageDifferences(first.get(0), second.get(0));
        return seedStdFirst.isPresent() && seedStdSecond.isPresent()
                ? fromOneSeed(d, seedStdFirst.getAsDouble(), seedStdSecond.getAsDouble())
                : testSetOnly(d);
    }

    /** Per seed, the per-image differences of two arms scored on the same images (see {@link #perImageDifferences}). */
    public static List<double[]> perSeedDifferences(List<boolean[]> first, List<boolean[]> second) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("one pair of measurements per seed, got " + first.size() + " and "
                    + second.size());
        }
        List<double[]> differences = new java.util.ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            differences.add(perImageDifferences(first.get(i), second.get(i)));
        }
        return differences;
    }

    /**
     * k ≥ 2 seeds, each a row of per-image differences (points) on the same n test images: the
     * two-way decomposition of the class comment. Var = MS(seed)/(kn) + max(0, MS(image) −
     * MS(residual))/(kn); Satterthwaite's degrees of freedom for that sum (k − 1 where the shared
     * image part is nil).
     */
    public static Estimate fromSeedsAndImages(List<double[]> perSeedDifferences) {
        return SeedsByImages.of(perSeedDifferences).estimate();
    }

    /**
     * The two-way decomposition of k ≥ 2 seeds' per-image differences on the same n test images,
     * as the parts of Var(gap) it estimates (each already divided by kn, points²).
     *
     * @param seeds k
     * @param images n
     * @param gap the grand mean: the estimated gap
     * @param seedPart MS(seed)/(kn): σ²(seed)/k + σ²(residual)/(kn), what the per-seed t sees
     * @param imagePart MS(image)/(kn): σ²(image)/n + σ²(residual)/(kn)
     * @param residualPart MS(residual)/(kn): σ²(residual)/(kn)
     */
    public record SeedsByImages(int seeds, int images, double gap, double seedPart, double imagePart,
            double residualPart) {

        /** The decomposition of {@code perSeedDifferences} (one row per seed, one column per shared test image). */
        public static SeedsByImages of(List<double[]> perSeedDifferences) {
            int k = perSeedDifferences.size();
            if (k < 2) {
                throw new IllegalArgumentException("a seeds × images decomposition needs two or more seeds, got " + k);
            }
            int n = perSeedDifferences.get(0).length;
            for (double[] row : perSeedDifferences) {
                if (row.length != n || n < 2) {
                    throw new IllegalArgumentException("every seed must be scored on the same two or more test images: "
                            + n + " vs " + row.length);
                }
            }
            double[] seedMeans = new double[k];
            double[] imageMeans = new double[n];
            double grand = 0;
            for (int s = 0; s < k; s++) {
                double[] row = perSeedDifferences.get(s);
                for (int i = 0; i < n; i++) {
                    seedMeans[s] += row[i] / n;
                    imageMeans[i] += row[i] / k;
                    grand += row[i];
                }
            }
            grand /= (double) k * n;
            double ssSeed = 0;
            for (double m : seedMeans) {
                ssSeed += n * (m - grand) * (m - grand);
            }
            double ssImage = 0;
            for (double m : imageMeans) {
                ssImage += k * (m - grand) * (m - grand);
            }
            double ssResidual = 0;
            for (int s = 0; s < k; s++) {
                double[] row = perSeedDifferences.get(s);
                for (int i = 0; i < n; i++) {
                    double r = row[i] - seedMeans[s] - imageMeans[i] + grand;
                    ssResidual += r * r;
                }
            }
            double cells = (double) k * n;
            return new SeedsByImages(k, n, grand, ssSeed / (k - 1) / cells, ssImage / (n - 1) / cells,
                    ssResidual / ((double) (k - 1) * (n - 1)) / cells);
        }

        /** The shared image part σ²(image)/n, never below zero (the usual truncation of a negative component). */
        public double sharedImageVariance() {
            return Math.max(0, imagePart - residualPart);
        }

        /**
         * ρ = σ²(image) / (σ²(image) + σ²(residual)): the share of one seed's test-set variance
         * that every seed shares, because it belongs to the image (an image both nets find easy,
         * or one only the first net gets right, whatever the seed), not to the seed × image
         * interaction. 0 when seeds disagree image by image as much as chance allows, 1 when
         * every seed gets the same images right. {@link PowerForecast} uses it to split a
         * budget's test-set noise into the part more seeds average away and the part they cannot.
         */
        public double sharedShare() {
            double image = sharedImageVariance() * images; // σ²(image)
            double residual = residualPart * seeds * images; // σ²(residual)
            return image + residual > 0 ? image / (image + residual) : 0;
        }

        /**
         * Var = MS(seed)/(kn) + max(0, MS(image) − MS(residual))/(kn); Satterthwaite's degrees of
         * freedom for that sum (k − 1 where the shared image part is nil).
         */
        public Estimate estimate() {
            double variance = seedPart;
            double degreesOfFreedom = seeds - 1;
            if (imagePart > residualPart) {
                variance = seedPart + imagePart - residualPart;
                double denominator = seedPart * seedPart / (seeds - 1) + imagePart * imagePart / (images - 1)
                        + residualPart * residualPart / ((double) (seeds - 1) * (images - 1));
                degreesOfFreedom = denominator > 0 ? Math.max(seeds - 1, variance * variance / denominator) : seeds - 1;
            }
            return new Estimate(gap, Math.sqrt(variance), degreesOfFreedom, true);
        }
    }

    /** k ≥ 2 per-seed gaps (points): t statistic with k − 1 degrees of freedom; the seed noise only (see {@link #fromSeedsAndImages}). */
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
