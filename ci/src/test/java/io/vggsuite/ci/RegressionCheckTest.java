package io.vggsuite.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {

    private static SortedMap<Long, SortedMap<String, Double>> seeds(double... top1) {
        SortedMap<Long, SortedMap<String, Double>> bySeed = new TreeMap<>();
        for (int i = 0; i < top1.length; i++) {
            SortedMap<String, Double> m = new TreeMap<>();
            m.put("A S256 glorot | dense Q256 | top-1 error", top1[i]);
            m.put("A S256 glorot | final train loss", 1.5 + i * 0.01);
            bySeed.put((long) i + 1, m);
        }
        return bySeed;
    }

    private static Baseline baseline() {
        SortedMap<Long, SortedMap<String, Double>> bySeed = seeds(70, 71, 69, 70.5, 70);
        return new Baseline(Tolerances.deriveWithoutRerun(bySeed), new Properties());
    }

    @Test
    void aMeasuredRerunDifferenceSetsTheSameMachineBandAndNoRerunLeavesRoundOffOnly() {
        SortedMap<Long, SortedMap<String, Double>> bySeed = seeds(70, 71, 69, 70.5, 70);
        SortedMap<String, Double> rerun = new TreeMap<>(bySeed.get(1L));
        rerun.put("A S256 glorot | dense Q256 | top-1 error", 70.25);
        String metric = "A S256 glorot | dense Q256 | top-1 error";
        assertEquals(0.25 + Tolerances.ROUND_OFF,
                Tolerances.derive(bySeed, rerun).get(metric).sameMachineTolerance(), 1e-12);
        assertEquals(Tolerances.ROUND_OFF, Tolerances.deriveWithoutRerun(bySeed).get(metric).sameMachineTolerance(), 1e-15);
    }

    @Test
    void aMetricThatSomeSeedLacksIsNamedWithThoseSeedsAndLeftOutOfTheBandsWhichAFirstSeedValueThenReportsAsNew() {
        SortedMap<Long, SortedMap<String, Double>> bySeed = seeds(70, 71, 69);
        String lrn = "A-LRN S256 glorot | dense Q256 | top-1 error";
        bySeed.get(1L).put(lrn, 89.9); // seeds 2 and 3 diverged: no test metrics
        assertEquals(Map.of(lrn, java.util.List.of(2L, 3L)), Tolerances.missingFromSomeSeed(bySeed));
        SortedMap<Long, SortedMap<String, Double>> common = Tolerances.commonToEverySeed(bySeed);
        assertFalse(common.get(1L).containsKey(lrn));
        assertEquals(2, common.get(1L).size());
        Baseline banded = new Baseline(Tolerances.deriveWithoutRerun(common), new Properties());
        assertFalse(banded.rows().containsKey(lrn));
        RegressionCheck.Outcome outcome = RegressionCheck.compare(banded, bySeed.get(1L), Baseline.Band.CROSS_MACHINE);
        assertTrue(outcome.passed(), outcome::table);
        assertEquals("2 within band, 0 out of band, 0 missing, 1 new", outcome.summary(), outcome::table);
    }

    @Test
    void bandsAreTheStudentTPredictionIntervalForOneMoreSeedPlusAMargin() {
        // Tables: t with 4 degrees of freedom at 0.9995 is 8.610; times √(1 + 1/5).
        assertEquals(8.610 * Math.sqrt(1.2), Tolerances.crossMachineFactor(5), 0.002);
        // With many seeds the factor falls to the normal quantile at 0.9995, 3.29.
        assertEquals(3.29, Tolerances.crossMachineFactor(100_000), 0.005);
        Baseline.Row row = baseline().rows().get("A S256 glorot | dense Q256 | top-1 error");
        assertEquals(70.1, row.seedMean(), 1e-9);
        double half = Tolerances.crossMachineFactor(5) * row.seedStd() + Tolerances.ERROR_MARGIN;
        assertEquals(70.1 - half, row.low(), 1e-9);
        assertEquals(70.1 + half, row.high(), 1e-9);
        assertEquals(Tolerances.ROUND_OFF, row.sameMachineTolerance(), 1e-15);
    }

    @Test
    void rebandingABaselineOfTheFormerFlatRuleGivesTheBandsOfTheCurrentOne() {
        String metric = "A S256 glorot | dense Q256 | top-1 error";
        Baseline.Row current = baseline().rows().get(metric);
        double formerHalf = 3 * current.seedStd() + Tolerances.ERROR_MARGIN;
        // Centred, and widened below to a first seed that lay outside the former band.
        Baseline.Row centred = new Baseline.Row(70, 70.1, current.seedStd(), 70.1 - formerHalf, 70.1 + formerHalf, 1e-9);
        Baseline.Row widened = new Baseline.Row(60, 70.1, current.seedStd(), 60, 70.1 + formerHalf, 1e-9);
        Baseline.Row rebanded = Tolerances.reband(metric, centred, 5, 3);
        assertEquals(current.low(), rebanded.low(), 1e-9);
        assertEquals(current.high(), rebanded.high(), 1e-9);
        Baseline.Row rebandedWidened = Tolerances.reband(metric, widened, 5, 3);
        assertEquals(60, rebandedWidened.low(), 1e-9);
        assertEquals(current.high(), rebandedWidened.high(), 1e-9);
    }

    @Test
    void aNumberOutsideItsBandFailsAndTheTableNamesIt() {
        Map<String, Double> measured = Map.of(
                "A S256 glorot | dense Q256 | top-1 error", 80.0,
                "A S256 glorot | final train loss", 1.5);
        RegressionCheck.Outcome outcome = RegressionCheck.compare(baseline(), measured, Baseline.Band.CROSS_MACHINE);
        assertFalse(outcome.passed());
        assertEquals("A S256 glorot | dense Q256 | top-1 error", outcome.failures().get(0).metric());
        assertTrue(outcome.table().contains("OUT OF BAND"), outcome.table());
    }

    @Test
    void aMissingMetricFailsAndANewOneIsANote() {
        Map<String, Double> measured = Map.of(
                "A S256 glorot | dense Q256 | top-1 error", 70.0,
                "B S256 warm-start-A | dense Q256 | top-1 error", 60.0);
        RegressionCheck.Outcome outcome = RegressionCheck.compare(baseline(), measured, Baseline.Band.CROSS_MACHINE);
        assertEquals(1, outcome.failures().size());
        assertEquals(RegressionCheck.Status.MISSING, outcome.failures().get(0).status());
        assertTrue(outcome.lines().stream().anyMatch(l -> l.status() == RegressionCheck.Status.NEW));
    }

    @Test
    void theSameMachineBandIsMuchTighter() {
        Map<String, Double> measured = Map.of(
                "A S256 glorot | dense Q256 | top-1 error", 70.2,
                "A S256 glorot | final train loss", 1.5);
        assertTrue(RegressionCheck.compare(baseline(), measured, Baseline.Band.CROSS_MACHINE).passed());
        assertFalse(RegressionCheck.compare(baseline(), measured, Baseline.Band.SAME_MACHINE).passed());
    }
}
