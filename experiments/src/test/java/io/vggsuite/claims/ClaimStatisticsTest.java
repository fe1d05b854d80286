package io.vggsuite.claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.claims.ClaimStatistics.Estimate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ClaimStatisticsTest {

    @Test
    void perSeedGapsGiveTheTTestWithKMinusOneDegreesOfFreedom() {
        // gaps 1, 2, 3: mean 2, sd 1, se 1/√3; t = 2√3 = 3.464 with 2 df → one-sided p = 0.03709 (t tables).
        Estimate e = ClaimStatistics.fromSeedGaps(new double[] {1, 2, 3});
        assertEquals(2.0, e.gap(), 1e-12);
        assertEquals(1 / Math.sqrt(3), e.standardError(), 1e-12);
        assertEquals(2.0, e.degreesOfFreedom());
        assertEquals(0.03709, e.pAbove(0), 1e-4);
        // 95% interval: t(0.975, 2) = 4.302653.
        assertEquals(2 - 4.302653 / Math.sqrt(3), e.low(), 1e-5);
        assertEquals(2 + 4.302653 / Math.sqrt(3), e.high(), 1e-5);
        // MDE = δ se, δ the noncentrality at which P(t'(2, δ) > t(0.975, 2)) = 0.8: 5.653489
        // (scipy.stats.nct); the central shortcut (t(0.975, 2) + t(0.80, 2)) = 5.363313 is 5% short.
        assertEquals(5.653489 / Math.sqrt(3), e.superiorityMde(), 1e-4);
    }

    /** scipy.integrate.quad of the equivalence power at 4 df, solved for 0.8 with brentq. */
    private static final double EQUIVALENCE_4_DF = 4.336350;

    @Test
    void noncentralMdeAtFourDegreesOfFreedomMatchesScipy() {
        // scipy.stats.nct: P(t'(4, δ) > t(0.975, 4) = 2.776445) = 0.8 at δ = 3.761060.
        assertEquals(3.761060, new Estimate(0, 1, 4, true).superiorityMde(), 1e-3);
        // Equivalence at 4 df, P(|Z| + t(0.975, 4)·√(χ²₄/4) < δ) = 0.8 at δ = EQUIVALENCE_4_DF (scipy quad).
        assertEquals(EQUIVALENCE_4_DF, new Estimate(0, 1, 4, true).equivalenceMde(), 1e-3);
    }

    @Test
    void seedsThatAgreeImageByImageKeepTheTestSetNoiseThePerSeedTCallsZero() {
        double[] x = {0, 100, 100, 0, -100, 100};
        Estimate both = ClaimStatistics.fromSeedsAndImages(List.of(x, x, x));
        // var(x) / n: one seed's test-set variance, shared by all three.
        assertEquals(Math.sqrt(ClaimStatistics.testSetOnly(x).standardError()
                * ClaimStatistics.testSetOnly(x).standardError()), both.standardError(), 1e-9);
        assertEquals(0.0, ClaimStatistics.fromSeedGaps(new double[] {100.0 / 3, 100.0 / 3, 100.0 / 3})
                .standardError(), 1e-9);
    }

    @Test
    void withoutASharedImagePartTheDecompositionIsThePerSeedT() {
        // Image means 50 and 50: nothing shared; seed means 100 and 0.
        Estimate both = ClaimStatistics.fromSeedsAndImages(List.of(new double[] {100, 100}, new double[] {0, 0}));
        Estimate seeds = ClaimStatistics.fromSeedGaps(new double[] {100, 0});
        assertEquals(seeds.gap(), both.gap(), 1e-12);
        assertEquals(seeds.standardError(), both.standardError(), 1e-9);
        assertEquals(1.0, both.degreesOfFreedom());
    }

    @Test
    void oneSeedAddsTheBorrowedSeedVarianceToTheTestSetVariance() {
        boolean[] better = {true, true, true, false};
        boolean[] worse = {true, false, false, false};
        double[] d = ClaimStatistics.perImageDifferences(better, worse);
        assertArrayEquals(new double[] {0, 100, 100, 0}, d);
        // var(d) = 3333.33 (sample), /4 = 833.33; seed 3² + 4² = 25.
        Estimate e = ClaimStatistics.fromOneSeed(d, 3, 4);
        assertEquals(50, e.gap(), 1e-12);
        assertEquals(Math.sqrt(10000.0 / 12 + 25), e.standardError(), 1e-9);
        assertTrue(e.seedNoiseKnown());
        assertEquals(Double.POSITIVE_INFINITY, e.degreesOfFreedom());
        Estimate unknown = ClaimStatistics.testSetOnly(d);
        assertFalse(unknown.seedNoiseKnown());
        assertEquals(Math.sqrt(10000.0 / 12), unknown.standardError(), 1e-9);
    }

    @Test
    void estimateChoosesSeedGapsFromTwoSeedsAndTheBaselineAtOne() {
        boolean[] a = {true, true, false, false};
        boolean[] b = {true, false, false, false};
        Estimate two = ClaimStatistics.estimate(List.of(a, a), List.of(b, a), OptionalDouble.of(1),
                OptionalDouble.of(1));
        assertEquals(1.0, two.degreesOfFreedom());
        assertEquals(12.5, two.gap(), 1e-12);
        Estimate one = ClaimStatistics.estimate(List.of(a), List.of(b), OptionalDouble.of(1), OptionalDouble.empty());
        assertFalse(one.seedNoiseKnown());
        assertThrows(IllegalArgumentException.class, () -> ClaimStatistics.estimate(List.of(a), List.of(a, b),
                OptionalDouble.empty(), OptionalDouble.empty()));
    }

    @Test
    void tostNeedsTheWholeIntervalInsideTheMarginAndNeverReadsNoDifferenceAsEqual() {
        Estimate tight = new Estimate(0.1, 0.2, Double.POSITIVE_INFINITY, true);
        assertTrue(tight.pEquivalent(1.0) < 0.05);
        // No significant difference (gap 0.5 ± 1.5) is not equivalence within ±1.
        Estimate wide = new Estimate(0.5, 1.5, Double.POSITIVE_INFINITY, true);
        assertTrue(wide.pAbove(0) > 0.05 && wide.pBelow(0) > 0.05);
        assertTrue(wide.pEquivalent(1.0) > 0.3);
        Estimate outside = new Estimate(3.0, 0.5, Double.POSITIVE_INFINITY, true);
        assertTrue(outside.pOutside(1.0) < 0.001);
        // z(0.975) + z(0.90) = 1.959964 + 1.281552.
        assertEquals((1.959964 + 1.281552) * 0.2, tight.equivalenceMde(), 1e-5);
    }

    @Test
    void holmMultipliesTheSortedPValuesByTheirRankAndKeepsThemMonotone() {
        double[] adjusted = ClaimStatistics.holm(new double[] {0.01, 0.04, Double.NaN, 0.03, 0.5});
        // m = 4: 0.01×4 = 0.04; 0.03×3 = 0.09; 0.04×2 = 0.08 → 0.09 (monotone); 0.5×1 = 0.5.
        assertArrayEquals(new double[] {0.04, 0.09, Double.NaN, 0.09, 0.5}, adjusted, 1e-12);
        assertArrayEquals(new double[] {1.0}, ClaimStatistics.holm(new double[] {1.0}), 0);
    }

    @Test
    void aGapWithoutNoiseIsDecidedByItsSign() {
        Estimate exact = new Estimate(0.0, 0.0, Double.POSITIVE_INFINITY, true);
        assertEquals(0.5, exact.pAbove(0), 1e-12);
        assertEquals(0.0, new Estimate(1.0, 0.0, 3, true).pAbove(0), 1e-12);
    }
}
