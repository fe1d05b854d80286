package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictCountsTest {

    @Test
    void countsEachVerdictOnce() {
        VerdictCounts counts = VerdictCounts.of(List.of(claim(1, Verdict.REPRODUCED), claim(2, Verdict.REPRODUCED),
                claim(3, Verdict.CONTRADICTED), claim(4, Verdict.OUT_OF_SCOPE)));

        assertEquals(2, counts.of(Verdict.REPRODUCED));
        assertEquals(1, counts.of(Verdict.CONTRADICTED));
        assertEquals(0, counts.of(Verdict.SMALLER_THAN_PAPER));
        assertEquals(0, counts.of(Verdict.INCONCLUSIVE));
        assertEquals(1, counts.of(Verdict.OUT_OF_SCOPE));
        assertEquals(4, counts.total());
    }

    @Test
    void theSummaryNamesEveryVerdictEvenAtZero_andNotRunOnlyWhereSomeAre() {
        assertEquals("1 reproduced, 0 contradicted, 0 smaller than the paper's effect, 1 inconclusive,"
                        + " 0 out of scope at this budget",
                VerdictCounts.of(List.of(claim(1, Verdict.REPRODUCED), claim(2, Verdict.INCONCLUSIVE))).counted());
        assertEquals("0 reproduced, 0 contradicted, 0 smaller than the paper's effect, 0 inconclusive,"
                        + " 0 out of scope at this budget, 1 not run",
                VerdictCounts.of(List.of(claim(1, Verdict.NOT_RUN))).counted());
    }

    @Test
    void theSummaryCountsThePaperAndTheAblationsBeyondItApart() {
        List<String> lines = VerdictCounts.summary(List.of(claim(1, Verdict.REPRODUCED),
                claim(2, Verdict.SMALLER_THAN_PAPER), claim(ClaimRecord.FIRST_BEYOND_THE_PAPER, Verdict.REPRODUCED)));

        assertEquals(List.of("The paper's 2 claims at this budget: 1 reproduced, 0 contradicted, 1 smaller than the"
                        + " paper's effect, 0 inconclusive, 0 out of scope at this budget.",
                "Beyond the paper, 1 ablation claim: 1 reproduced, 0 contradicted, 0 smaller than the paper's effect,"
                        + " 0 inconclusive, 0 out of scope at this budget."), lines);
    }

    @Test
    void withoutBeyondThePaperClaimsTheSummaryIsOneLine() {
        assertEquals(1, VerdictCounts.summary(List.of(claim(1, Verdict.REPRODUCED))).size());
    }

    private static ClaimRecord claim(int id, Verdict verdict) {
        return new ClaimRecord(id, "claim " + id, "Table 3", "superiority", 0.5, 1.0, 0.2, 1.8, 0.01, 0.6, verdict,
                Optional.empty(), "ours");
    }
}
