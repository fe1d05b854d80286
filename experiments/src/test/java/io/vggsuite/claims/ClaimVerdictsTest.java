package io.vggsuite.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.claims.ClaimStatistics.Estimate;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimVerdictsTest {

    private static final Arm X = Arm.dense("X", VggConfig.D, AblationPlan.S256, List.of(256));
    private static final Arm Y = Arm.dense("Y", VggConfig.C, AblationPlan.S256, List.of(256));

    private static ClaimDeclaration beats(int id, double paperEffect) {
        return new ClaimDeclaration(id, "X beats Y", "test", paperEffect,
                new ClaimKind.Superiority(List.of(new Comparison(X, Y))));
    }

    private static Judgement judged(ClaimDeclaration claim, double gap, double se) {
        return ClaimJudge.tested(claim, List.of(new Estimate(gap, se, Double.POSITIVE_INFINITY, true)), "e",
                Optional.empty());
    }

    private static Verdict alone(Judgement j) {
        return ClaimVerdicts.decide(List.of(j)).get(0).verdict();
    }

    @Test
    void aClearGapIsReproducedAPoweredNullIsSmallerThanThePaperAndANoisyOneIsInconclusive() {
        assertEquals(Verdict.REPRODUCED, alone(judged(beats(1, 1.0), 2.0, 0.5)));
        // Gap 0 ± 0.3 rules out the paper's 1.0 but not its sign: a finding of its own, not a contradiction.
        assertEquals(Verdict.SMALLER_THAN_PAPER, alone(judged(beats(1, 1.0), 0.0, 0.3)));
        assertEquals(Verdict.INCONCLUSIVE, alone(judged(beats(1, 1.0), 0.5, 1.5)));
        // Without a paper effect there is no size to fall short of.
        assertEquals(Verdict.INCONCLUSIVE, alone(judged(beats(1, Double.NaN), 0.0, 0.3)));
    }

    @Test
    void onlyASignificantGapInTheOppositeDirectionContradicts() {
        assertEquals(Verdict.CONTRADICTED, alone(judged(beats(1, Double.NaN), -2.0, 0.3)));
        assertEquals(Verdict.CONTRADICTED, alone(judged(beats(1, 1.0), -2.0, 0.3)));
        ClaimRecord record = ClaimVerdicts.decide(List.of(judged(beats(1, 1.0), -2.0, 0.3))).get(0);
        assertTrue(record.ourEvidence().contains("the opposite holds"), record.ourEvidence());
    }

    @Test
    void aSignificantGapBelowThePaperEffectIsReproducedAndSaysItIsSmaller() {
        ClaimRecord record = ClaimVerdicts.decide(List.of(judged(beats(1, 3.0), 1.0, 0.3))).get(0);
        assertEquals(Verdict.REPRODUCED, record.verdict());
        assertTrue(record.ourEvidence().contains("smaller than the paper's effect"), record.ourEvidence());
    }

    /** Claim 7 of the published reference run: one comparison's reversal at p = 0.02 does not survive its two comparisons. */
    @Test
    void theOppositeOfAClaimWithTwoComparisonsIsAdjustedForBoth() {
        ClaimDeclaration twoWays = new ClaimDeclaration(7, "X beats Y and Z", "test", 1.0,
                new ClaimKind.Superiority(List.of(new Comparison(X, Y), new Comparison(X, Y))));
        Estimate reversed = new Estimate(-0.615, 0.3, Double.POSITIVE_INFINITY, true); // one-sided p = 0.0202
        Estimate clear = new Estimate(2.0, 0.3, Double.POSITIVE_INFINITY, true);
        Judgement alone = ClaimJudge.tested(beats(7, 1.0), List.of(reversed), "e", Optional.empty());
        Judgement both = ClaimJudge.tested(twoWays, List.of(reversed, clear), "e", Optional.empty());
        assertEquals(0.0202, alone.test().orElseThrow().pOpposite(), 1e-4);
        assertEquals(2 * 0.0202, both.test().orElseThrow().pOpposite(), 2e-4);
        assertEquals(Verdict.CONTRADICTED, alone(alone));
        assertEquals(Verdict.SMALLER_THAN_PAPER, alone(both));
    }

    @Test
    void aClaimOutOfScopeIsNeitherReproducedNorContradictedAndShowsWhy() {
        Judgement clear = judged(beats(8, 1.0), 2.0, 0.5).outOfScope("premise not met: detail");
        ClaimRecord record = ClaimVerdicts.decide(List.of(clear)).get(0);
        assertEquals(Verdict.OUT_OF_SCOPE, record.verdict());
        assertEquals(2.0, record.effect(), "the measurement is still shown");
        assertTrue(record.ourEvidence().endsWith("[premise not met: detail]"), record.ourEvidence());
    }

    @Test
    void holmAcrossTheReportTurnsABorderlineWinIntoInconclusive() {
        Judgement borderline = judged(beats(1, 0.5), 1.0, 0.5); // z = 2, p = 0.023
        assertEquals(Verdict.REPRODUCED, alone(borderline));
        List<ClaimRecord> three = ClaimVerdicts.decide(List.of(borderline, judged(beats(2, 0.5), 0.1, 0.5),
                judged(beats(3, 0.5), 0.2, 0.5)));
        assertEquals(Verdict.INCONCLUSIVE, three.get(0).verdict());
        assertEquals(3 * 0.02275, three.get(0).pHolm(), 1e-4);
    }

    @Test
    void holmCorrectsThePapersClaimsAndTheAblationsBeyondThePaperAsSeparateFamilies() {
        Judgement borderline = judged(beats(1, 0.5), 1.0, 0.5); // z = 2, p = 0.023: reproduced alone
        Judgement beyond = judged(beats(ClaimRecord.FIRST_BEYOND_THE_PAPER, Double.NaN), 0.1, 0.5);
        List<ClaimRecord> both = ClaimVerdicts.decide(List.of(beyond, borderline));
        // A new ablation never moves a verdict on the paper: claim 1 keeps its unadjusted p.
        assertEquals(ClaimRecord.FIRST_BEYOND_THE_PAPER, both.get(0).id());
        assertEquals(Verdict.REPRODUCED, both.get(1).verdict());
        assertEquals(0.02275, both.get(1).pHolm(), 1e-4);
        // Within the beyond-the-paper family Holm still applies.
        Judgement beyond2 = judged(beats(ClaimRecord.FIRST_BEYOND_THE_PAPER + 1, Double.NaN), 1.0, 0.5);
        List<ClaimRecord> family = ClaimVerdicts.decide(List.of(beyond, beyond2));
        assertEquals(2 * 0.02275, family.get(1).pHolm(), 1e-4);
        assertEquals(Verdict.INCONCLUSIVE, family.get(1).verdict());
    }

    @Test
    void aCapKeepsEvenAClearGapInconclusiveAndSaysWhy() {
        Judgement capped = ClaimJudge.tested(beats(1, 1.0), List.of(new Estimate(5, 0.5, Double.POSITIVE_INFINITY,
                false)), "e", Optional.of("seed noise unknown"));
        ClaimRecord record = ClaimVerdicts.decide(List.of(capped)).get(0);
        assertEquals(Verdict.INCONCLUSIVE, record.verdict());
        assertEquals("e", record.ourEvidence(), "the cap has a column of its own, not a suffix of the evidence");
        assertEquals(Optional.of("seed noise unknown"), record.cap());
    }

    @Test
    void equivalenceIsReproducedOnlyInsideTheMarginAndContradictedOutsideIt() {
        ClaimDeclaration equal = new ClaimDeclaration(3, "X ≈ Y", "test", 0.3,
                new ClaimKind.Equivalence(new Comparison(X, Y), 1.0));
        assertEquals(Verdict.REPRODUCED, alone(judged(equal, 0.1, 0.2)));
        assertEquals(Verdict.INCONCLUSIVE, alone(judged(equal, 0.1, 1.5)));
        assertEquals(Verdict.CONTRADICTED, alone(judged(equal, 6.5, 0.5)));
        assertEquals("equivalence (margin ±1.0)", ClaimVerdicts.decide(List.of(judged(equal, 0, 1))).get(0).kind());
    }

    @Test
    void anUnjudgedClaimIsWrittenAsNotRunWithItsDeclaration() {
        ClaimRecord row = ClaimVerdicts.notRun(beats(7, 0.4), "its test did not run");
        assertEquals(Verdict.NOT_RUN, row.verdict());
        assertEquals("superiority", row.kind());
        assertEquals(0.4, row.paperEffect());
        assertTrue(Double.isNaN(row.pHolm()));
    }
}
