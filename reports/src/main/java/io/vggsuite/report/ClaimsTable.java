package io.vggsuite.report;

import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The claims and our verdicts, exactly as the experiments wrote them to {@code claims.csv}: every
 * declared claim has a row there (its sentence, the paper's evidence and effect, its kind, and "not
 * run" where it was not judged), so the report needs no list of claims of its own and shows a
 * claim declared anywhere in the experiments without a change here.
 */
final class ClaimsTable {

    /** How the experiments decide (io.vggsuite.claims.ClaimVerdicts); printed under the table. */
    static final String RULE = "Effects are points of top-1 error, positive where the claim holds (for equivalence:"
            + " the second net's error minus the first's), with their 95% confidence interval, which counts both"
            + " noises: the seeds, and the test images every seed is scored on (a seeds × images decomposition)."
            + " p is the claim's one-sided p-value (the largest over its comparisons, all of which must hold; for"
            + " equivalence, that of the two one-sided tests against the margin), adjusted by Holm's method across"
            + " the claims of its family in this report (the paper's claims; the ablations beyond the paper)."
            + " Reproduced: p below 0.025. Contradicted: not reproduced, and the opposite (a gap below 0 in any"
            + " comparison, Bonferroni over the claim's comparisons and Holm across claims; for equivalence, a gap"
            + " outside the margin) is significant at 0.025. Smaller than the paper's effect: neither, but the gap"
            + " is significantly below the paper's effect, tested the same way: the budget rules out the paper's"
            + " size, not its sign. Out of scope at this budget: the data cannot meet a premise the claim needs"
            + " (named in the evidence); the measurement is shown, not judged."
            + " MDE: the smallest true effect (for equivalence, the narrowest margin) this budget detects with 80%"
            + " power, from the noncentral t at the comparison's degrees of freedom; \"underpowered\" where it"
            + " exceeds the paper's effect. With one seed the seed variance is borrowed from the budget's baseline,"
            + " as the evidence says.";

    private ClaimsTable() {}

    /**
     * The paper's claims (and any other below {@link ClaimRecord#FIRST_BEYOND_THE_PAPER}) of
     * {@code verdicts}; the ablations beyond the paper have their own section ({@link BeyondPaperTables}).
     */
    static Table claims(List<ClaimRecord> verdicts) {
        return claims("claims", "The claims and our verdicts", verdicts.stream().filter(c -> !c.beyondThePaper())
                .toList());
    }

    static Table claims(String id, String caption, List<ClaimRecord> verdicts) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ClaimRecord c : verdicts) {
            rows.add(row(c));
        }
        List<String> notes = new ArrayList<>(List.of(RULE));
        if (verdicts.isEmpty()) {
            notes.add("No claims.csv in this folder: the claims test of the experiments has not run.");
        }
        return new Table(id, caption,
                List.of("#", "claim", "kind", "paper's evidence", "paper effect", "our effect [95% CI]", "p (Holm)",
                        "MDE", "verdict", "our evidence"),
                rows, notes);
    }

    private static List<Cell> row(ClaimRecord c) {
        return List.of(Cell.of(Integer.toString(c.id())), Cell.of(c.claim()), Cell.of(c.kind()),
                Cell.of(c.paperEvidence()), numberCell(Formats.effect(c.paperEffect())), effectCell(c),
                numberCell(Formats.pValue(c.pHolm())), numberCell(points(c.mde())),
                c.verdict() == Verdict.NOT_RUN ? Cell.missing(Formats.NOT_RUN) : Cell.of(verdict(c)),
                c.verdict() == Verdict.NOT_RUN ? Cell.missing(c.ourEvidence()) : Cell.of(c.ourEvidence()));
    }

    /**
     * "inconclusive (seed noise unknown)" where a cap held the verdict, whatever the power;
     * "inconclusive (underpowered: MDE 2.3 points)" where the budget could not have seen the
     * paper's effect.
     */
    static String verdict(ClaimRecord c) {
        if (c.verdict() == Verdict.INCONCLUSIVE && c.cap().isPresent()) {
            return "inconclusive (" + c.cap().get() + ")";
        }
        boolean underpowered = c.verdict() == Verdict.INCONCLUSIVE && !Double.isNaN(c.mde())
                && (Double.isNaN(c.paperEffect()) || c.mde() > c.paperEffect());
        return underpowered
                ? String.format(Locale.ROOT, "inconclusive (underpowered: MDE %.1f points)", c.mde())
                : c.verdict().label();
    }

    static Cell effectCell(ClaimRecord c) {
        if (Double.isNaN(c.effect())) {
            return Cell.missing(Formats.NOT_MEASURED);
        }
        return Cell.of(String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", c.effect(), c.low(), c.high()));
    }

    static String points(double value) {
        return Double.isNaN(value) ? Formats.NOT_MEASURED : String.format(Locale.ROOT, "%.2f", value);
    }

    static Cell numberCell(String text) {
        return text.equals(Formats.NOT_MEASURED) ? Cell.missing(text) : Cell.of(text);
    }
}
