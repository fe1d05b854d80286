package io.vggsuite.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vggsuite.report.plot.SmallMultiples.Band;
import io.vggsuite.report.plot.SmallMultiples.Layout;
import io.vggsuite.report.plot.SmallMultiples.Marker;
import io.vggsuite.report.plot.SmallMultiples.Panel;
import io.vggsuite.report.plot.SmallMultiples.Trace;
import io.vggsuite.report.plot.SmallMultiples.YAxes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A committed report (published/) must not change when regenerated from unchanged results. */
class ChartsTest {

    @Test
    void theSamePanelsDrawnTwiceGiveByteIdenticalSvgAndPng() {
        Plot first = panels();
        Plot second = panels();
        assertEquals(first.svg(), second.svg());
        assertArrayEquals(first.png(), second.png());
    }

    @Test
    void theSameForestPlotDrawnTwiceGivesByteIdenticalSvgAndPng() {
        Plot first = forest();
        Plot second = forest();
        assertEquals(first.svg(), second.svg());
        assertArrayEquals(first.png(), second.png());
    }

    private static Plot panels() {
        double[] x = {1, 2, 3};
        Trace trace = new Trace("A", new Band(x, new double[] {60, 45, 40}, new double[] {58, 44, 39},
                new double[] {62, 47, 41}), Optional.of(Band.line(x, new double[] {65, 50, 42})));
        return SmallMultiples.draw(new Layout("val top-1", "epoch", "error", "training", 1, 300, false, true,
                YAxes.SAME_RANGE), List.of(new Panel("", List.of(trace), List.of(new Marker(2, "lr ÷10")))));
    }

    private static Plot forest() {
        ForestPlot.Category green = new ForestPlot.Category("reproduced", Palette.BLUISH_GREEN);
        return ForestPlot.draw("claims", "effect", "paper", "margin", List.of(
                new ForestPlot.Row("1 claim", 1.5, 0.5, 2.5, 0.9, Double.NaN, green, "reproduced"),
                new ForestPlot.Row("2 wide", 27, 12, 43, Double.NaN, 1.0, green, "reproduced")), List.of(green), 10);
    }
}
