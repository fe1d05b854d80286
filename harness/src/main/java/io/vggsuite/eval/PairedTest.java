package io.vggsuite.eval;

/**
 * McNemar's test on per-image correctness of two classifiers over the same test images: only
 * the images where exactly one of them is right carry information. Exact two-sided binomial
 * p-value, so it stays valid when few images disagree.
 */
public final class PairedTest {

    /**
     * @param onlyFirstCorrect images the first classifier gets right and the second wrong
     * @param onlySecondCorrect the reverse
     * @param pValue two-sided, under "both are equally accurate"
     */
    public record Result(int onlyFirstCorrect, int onlySecondCorrect, double pValue) {}

    private PairedTest() {}

    public static Result mcNemar(boolean[] first, boolean[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("paired test needs the same images: "
                    + first.length + " vs " + second.length);
        }
        int b = 0;
        int c = 0;
        for (int i = 0; i < first.length; i++) {
            if (first[i] && !second[i]) {
                b++;
            } else if (!first[i] && second[i]) {
                c++;
            }
        }
        return new Result(b, c, exactTwoSided(b, c));
    }

    /** P(X ≤ min(b,c)) doubled, X ~ Binomial(b + c, 1/2), capped at 1. */
    static double exactTwoSided(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(b, c);
        double logHalfToN = n * Math.log(0.5);
        double tail = 0;
        double logChoose = 0; // log C(n, 0)
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                logChoose += Math.log((double) (n - i + 1) / i);
            }
            tail += Math.exp(logChoose + logHalfToN);
        }
        return Math.min(1.0, 2 * tail);
    }
}
