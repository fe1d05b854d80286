package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.report.plot.ForestPlot;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimsFigureTest {

    @Test
    void anEquivalenceClaimsMarginIsReadFromItsKind_otherKindsHaveNone() {
        assertEquals(Optional.of(1.0), ClaimsFigure.margin("equivalence (margin ±1.0)"));
        assertEquals(Optional.of(0.5), ClaimsFigure.margin("equivalence (margin ±0.5)"));
        assertEquals(Optional.empty(), ClaimsFigure.margin("superiority"));
        assertEquals(Optional.empty(), ClaimsFigure.margin("trainability"));
    }

    @Test
    void everyVerdictHasItsOwnColour() {
        List<ForestPlot.Row> rows = Arrays.stream(Verdict.values()).map(v -> ClaimsFigure.row(claim(1, v))).toList();
        assertEquals(Verdict.values().length, rows.stream().map(r -> r.category().colour()).distinct().count());
        assertEquals(Arrays.stream(Verdict.values()).map(Verdict::label).toList(),
                rows.stream().map(r -> r.category().name()).toList());
    }

    @Test
    void aRowCarriesTheClaimsNumbersItsPaperEffectAndVerdictInWords() {
        ForestPlot.Row row = ClaimsFigure.row(claim(ClaimRecord.FIRST_BEYOND_THE_PAPER, Verdict.CONTRADICTED));
        assertEquals(-1.0, row.estimate());
        assertEquals(-1.8, row.low());
        assertEquals(-0.2, row.high());
        assertEquals(0.5, row.reference());
        assertTrue(Double.isNaN(row.margin()));
        assertEquals("contradicted", row.verdict());
        assertTrue(row.label().startsWith("101 (beyond)"), row.label());
    }

    @Test
    void noClaimsNoFigure() {
        assertTrue(ClaimsFigure.figure(List.of()).isEmpty());
    }

    private static ClaimRecord claim(int id, Verdict verdict) {
        return new ClaimRecord(id, "C beats B", "Table 3", "superiority", 0.5, -1.0, -1.8, -0.2, 0.9, 0.6, verdict,
                Optional.empty(), "ours");
    }
}
