package io.vggsuite.claims;

import io.vggsuite.results.Verdict;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One claim judged, before the correction for multiplicity: the verdict of a tested claim needs
 * the p-values of every other claim of the report ({@link ClaimVerdicts#decide}).
 *
 * @param claim the declaration
 * @param test what a statistical test measured; empty for a verdict decided without one
 * @param cap why no verdict stronger than "inconclusive" may be drawn, if so
 * @param outOfScope the premise this budget's data cannot meet, with its numbers, if so
 * @param decided a verdict that needs no p-value (trainability, a claim not measurable), if so
 * @param evidence our numbers and how they were tested
 */
public record Judgement(ClaimDeclaration claim, Optional<Test> test, Optional<String> cap,
        Optional<String> outOfScope, Optional<Verdict> decided, String evidence) {

    /**
     * What the claim's test measured.
     *
     * @param effect our effect in points (for several comparisons, that of the weakest)
     * @param low lower end of its 95% interval
     * @param high upper end of its 95% interval
     * @param pClaim p-value of the claim's test (superiority: "no gap or the other way", the
     *     largest over the comparisons, all of which must hold; equivalence: TOST's "outside the
     *     margin")
     * @param pOpposite p-value for "the opposite holds" (superiority: some comparison's gap is
     *     below 0, Bonferroni over the claim's k comparisons; equivalence: the gap lies outside
     *     the margin)
     * @param pSmaller p-value for "smaller than the paper's effect" (superiority with a paper
     *     effect: some comparison's gap is below it, Bonferroni over k); empty where the paper
     *     gives no number, and for equivalence
     * @param mde minimum detectable effect (superiority: of the comparison whose effect is shown)
     *     or margin (equivalence) at this budget
     */
    public record Test(double effect, double low, double high, double pClaim, double pOpposite,
            OptionalDouble pSmaller, double mde) {}

    public Judgement {
        if (test.isPresent() == decided.isPresent()) {
            throw new IllegalArgumentException("claim " + claim.id()
                    + ": a judgement is either tested or decided without a test, not "
                    + (test.isPresent() ? "both" : "neither"));
        }
    }

    /** A claim a statistical test measured. */
    public static Judgement tested(ClaimDeclaration claim, Test test, Optional<String> cap, String evidence) {
        return new Judgement(claim, Optional.of(test), cap, Optional.empty(), Optional.empty(), evidence);
    }

    /** A claim no test measured: a verdict decided without p-values (trainability, a diverged run). */
    public static Judgement decided(ClaimDeclaration claim, Verdict verdict, Optional<String> outOfScope,
            String evidence) {
        return new Judgement(claim, Optional.empty(), Optional.empty(), outOfScope, Optional.of(verdict), evidence);
    }

    /** The same judgement, out of scope for {@code reason}. */
    public Judgement outOfScope(String reason) {
        return new Judgement(claim, test, cap, Optional.of(reason), decided, evidence);
    }
}
