package io.vggsuite.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A committed report (published/) must not change when regenerated from unchanged results. */
class ChartsTest {

    @Test
    void theSameChartDrawnTwiceGivesByteIdenticalSvgAndPng() {
        List<Charts.Series> series = List.of(new Charts.Series("A", new double[] {1, 2, 3}, new double[] {60, 45, 40}));
        Plot first = Charts.lines("val top-1", "epoch", "error", series);
        Plot second = Charts.lines("val top-1", "epoch", "error", series);
        assertEquals(first.svg(), second.svg());
        assertArrayEquals(first.png(), second.png());
    }
}
