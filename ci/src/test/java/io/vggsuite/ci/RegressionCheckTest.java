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
    void bandsAreMeanPlusMinusThreeStdPlusAMargin() {
        Baseline.Row row = baseline().rows().get("A S256 glorot | dense Q256 | top-1 error");
        assertEquals(70.1, row.seedMean(), 1e-9);
        double half = 3 * row.seedStd() + Tolerances.ERROR_MARGIN;
        assertEquals(70.1 - half, row.low(), 1e-9);
        assertEquals(70.1 + half, row.high(), 1e-9);
        assertEquals(Tolerances.ROUND_OFF, row.sameMachineTolerance(), 1e-15);
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
