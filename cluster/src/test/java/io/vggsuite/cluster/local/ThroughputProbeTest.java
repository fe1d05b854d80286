package io.vggsuite.cluster.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probe's choice from measured rates, and the order it measures them in. */
class ThroughputProbeTest {

    private static final Layout ONE_BY_TWO = new Layout(1, 2);
    private static final Layout TWO_BY_ONE = new Layout(2, 1);
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void aSplitThatGainsAtLeastFivePercentIsChosenAndTheWhyGivesBothRates() throws Exception {
        ThroughputProbe.Choice choice = ThroughputProbe.choose(Layout.candidates(2), 2,
                rates(Map.of(ONE_BY_TWO, 2000.0, TWO_BY_ONE, 2300.0)), out);
        assertEquals(TWO_BY_ONE, choice.chosen());
        assertTrue(choice.why().contains("2300") && choice.why().contains("2000") && choice.why().contains("1.15×"),
                choice.why());
    }

    @Test
    void aSplitThatGainsLessThanFivePercentLeavesOneRunAtATimeAndSaysSo() throws Exception {
        ThroughputProbe.Choice choice = ThroughputProbe.choose(Layout.candidates(2), 2,
                rates(Map.of(ONE_BY_TWO, 2000.0, TWO_BY_ONE, 2080.0)), out);
        assertEquals(ONE_BY_TWO, choice.chosen());
        assertTrue(choice.why().contains("under the 1.05×"), choice.why());
    }

    @Test
    void everyOtherRoundMeasuresTheLayoutsInReverseOrderSoThatDriftFallsOnBoth() throws Exception {
        List<Layout> order = new ArrayList<>();
        ThroughputProbe.choose(Layout.candidates(2), 3, layout -> {
            order.add(layout);
            return 1000;
        }, out);
        assertEquals(List.of(ONE_BY_TWO, TWO_BY_ONE, TWO_BY_ONE, ONE_BY_TWO, ONE_BY_TWO, TWO_BY_ONE), order);
    }

    @Test
    void layoutsSplitTheCoresIntoEqualWholePartsOneRunOnAllOfThemFirst() {
        assertEquals(List.of(ONE_BY_TWO, TWO_BY_ONE), Layout.candidates(2));
        assertEquals(List.of(new Layout(1, 4), new Layout(2, 2), new Layout(4, 1)), Layout.candidates(4));
        assertEquals(List.of(new Layout(1, 1)), Layout.candidates(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Layout(0, 2));
        assertTrue(e.getMessage().contains("--processes"), e.getMessage());
    }

    private static ThroughputProbe.Round rates(Map<Layout, Double> rates) {
        return layout -> {
            Double rate = rates.get(layout);
            if (rate == null) {
                throw new IOException("no rate for " + layout);
            }
            return rate;
        };
    }
}
