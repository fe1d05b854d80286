package io.vggsuite.ablation;

import io.vggsuite.eval.PairedTest;
import io.vggsuite.eval.Scores;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns measured errors into a verdict on a claim.
 *
 * <p>Each comparison pairs two nets evaluated on the same test images (one pair per seed). The
 * per-image correctness of all pairs goes into McNemar's test; a difference counts when its
 * two-sided p-value is below {@link #ALPHA}. With two or more seeds the mean difference must also
 * exceed the standard deviation of the per-seed differences, so a gap that one reseed erases is
 * never called reproduced.
 */
public final class Verdicts {

    /** Significance level of every paired test. */
    public static final double ALPHA = 0.05;

    /** Points under chance-level top-1 error that a net must reach to count as trained. */
    public static final double CHANCE_MARGIN = 5.0;

    /**
     * "{@code expectedBetter} has lower top-1 error than {@code expectedWorse}", measured once per
     * seed on the same images.
     */
    public record Comparison(String expectedBetter, List<Scores> better, String expectedWorse, List<Scores> worse) {

        public Comparison {
            if (better.size() != worse.size() || better.isEmpty()) {
                throw new IllegalArgumentException("a comparison needs one pair of scores per seed, got "
                        + better.size() + " and " + worse.size());
            }
        }

        public static Comparison of(String betterName, Scores better, String worseName, Scores worse) {
            return new Comparison(betterName, List.of(better), worseName, List.of(worse));
        }

        /** Mean over seeds of (worse − better) top-1 error, in points: positive agrees with the claim. */
        double gap() {
            return gaps().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double gapSpread() {
            List<Double> gaps = gaps();
            if (gaps.size() < 2) {
                return 0;
            }
            double mean = gap();
            double sum = 0;
            for (double g : gaps) {
                sum += (g - mean) * (g - mean);
            }
            return Math.sqrt(sum / (gaps.size() - 1));
        }

        private List<Double> gaps() {
            List<Double> gaps = new ArrayList<>();
            for (int i = 0; i < better.size(); i++) {
                gaps.add(worse.get(i).top1Error() - better.get(i).top1Error());
            }
            return gaps;
        }

        PairedTest.Result test() {
            return PairedTest.mcNemar(pooled(better), pooled(worse));
        }

        /**
         * Whether both nets learned: a top-1 error at least {@link #CHANCE_MARGIN} points under
         * chance. Two untrained nets are "not different" vacuously; no claim is judged on that.
         */
        boolean bothLearned() {
            return learned(better) && learned(worse);
        }

        private static boolean learned(List<Scores> scores) {
            return scores.stream().allMatch(s -> {
                int classes = s.images() == 0 ? 1 : s.probabilities()[0].length;
                return s.top1Error() < 100.0 * (1 - 1.0 / classes) - CHANCE_MARGIN;
            });
        }

        boolean significant() {
            return test().pValue() < ALPHA && (better.size() < 2 || Math.abs(gap()) > gapSpread());
        }

        String evidence() {
            double b = better.stream().mapToDouble(Scores::top1Error).average().orElse(Double.NaN);
            double w = worse.stream().mapToDouble(Scores::top1Error).average().orElse(Double.NaN);
            String spread = better.size() > 1 ? String.format(Locale.ROOT, " ± %.2f", gapSpread()) : "";
            PairedTest.Result t = test();
            return String.format(Locale.ROOT, "%s %.2f vs %s %.2f top-1 (gap %+.2f%s; %d vs %d discordant, p=%.3g)",
                    expectedBetter, b, expectedWorse, w, gap(), spread, t.onlyFirstCorrect(),
                    t.onlySecondCorrect(), t.pValue());
        }

        private static boolean[] pooled(List<Scores> scores) {
            int n = scores.stream().mapToInt(Scores::images).sum();
            boolean[] all = new boolean[n];
            int at = 0;
            for (Scores s : scores) {
                boolean[] hit = s.correct(1);
                System.arraycopy(hit, 0, all, at, hit.length);
                at += hit.length;
            }
            return all;
        }
    }

    private Verdicts() {}

    /**
     * Every comparison must go the claim's way beyond noise for "reproduced"; one that goes
     * significantly the other way makes it "not reproduced"; anything else is "inconclusive".
     */
    public static ClaimRecord allBeat(Claim claim, List<Comparison> comparisons) {
        boolean allHold = comparisons.stream().allMatch(c -> c.gap() > 0 && c.significant());
        boolean anyReversed = comparisons.stream().anyMatch(c -> c.gap() < 0 && c.significant());
        Verdict verdict = allHold ? Verdict.REPRODUCED : anyReversed ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
        return record(claim, comparisons, verdict);
    }

    /**
     * "{@code expectedBetter} is not worse … does not improve": the claim is that the second net
     * is no better than the first. It fails only when the second is significantly better.
     */
    public static ClaimRecord noImprovement(Claim claim, Comparison firstNotWorse) {
        boolean secondWinsClearly = firstNotWorse.gap() < 0 && firstNotWorse.significant();
        Verdict verdict = secondWinsClearly ? Verdict.NOT_REPRODUCED
                : firstNotWorse.bothLearned() ? Verdict.REPRODUCED : Verdict.INCONCLUSIVE;
        return record(claim, List.of(firstNotWorse), verdict);
    }

    /**
     * The net the claim says cannot train did not: it diverged. Reproduced when it diverged for
     * every seed; no paired test applies, so effect size and p-value are absent.
     */
    public static ClaimRecord diverged(Claim claim, String evidence, boolean everySeed) {
        return new ClaimRecord(claim.id(), claim.text(), claim.paperEvidence(), evidence, Double.NaN, Double.NaN,
                everySeed ? Verdict.REPRODUCED : Verdict.INCONCLUSIVE);
    }

    private static ClaimRecord record(Claim claim, List<Comparison> comparisons, Verdict verdict) {
        double effect = comparisons.stream().mapToDouble(Comparison::gap).min().orElse(Double.NaN);
        double p = comparisons.stream().mapToDouble(c -> c.test().pValue()).max().orElse(Double.NaN);
        String evidence = String.join("; ", comparisons.stream().map(Comparison::evidence).toList());
        if (!comparisons.stream().allMatch(Comparison::bothLearned)) {
            evidence += " [a net at chance level: it did not train at this budget]";
        }
        return new ClaimRecord(claim.id(), claim.text(), claim.paperEvidence(), evidence, effect, p, verdict);
    }
}
