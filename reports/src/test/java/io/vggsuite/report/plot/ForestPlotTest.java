package io.vggsuite.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.List;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

class ForestPlotTest {

    private static final ForestPlot.Category C = new ForestPlot.Category("x", Color.BLACK);

    @Test
    void theAxisStopsAtTheLimit_soOneWideIntervalCannotSqueezeTheOthers() {
        Range range = ForestPlot.axisRange(List.of(row(1, 0.5, 1.5, 0.9, Double.NaN), row(27, 12, 43, Double.NaN,
                Double.NaN)), 10);
        assertEquals(-0.4, range.getLowerBound(), 1e-9);
        assertEquals(10.4, range.getUpperBound(), 1e-9);
    }

    @Test
    void theAxisHoldsZeroThePapersEffectAndBothSidesOfAMargin() {
        Range range = ForestPlot.axisRange(List.of(row(1, 0.5, 1.5, 2.0, 1.0)), 10);
        assertEquals(-1 - 0.25, range.getLowerBound(), 1e-9);
        assertEquals(2 + 0.25, range.getUpperBound(), 1e-9);
    }

    private static ForestPlot.Row row(double estimate, double low, double high, double reference, double margin) {
        return new ForestPlot.Row("a", estimate, low, high, reference, margin, C, "x");
    }
}
