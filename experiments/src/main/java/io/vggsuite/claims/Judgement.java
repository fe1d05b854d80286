package io.vggsuite.claims;

import io.vggsuite.results.Verdict;
import java.util.Optional;

/**
 * One claim measured, before the correction for multiplicity: the verdict of a tested claim needs
 * the p-values of every other claim of the report ({@link ClaimVerdicts#decide}).
 *
 * @param claim the declaration
 * @param effect our effect in points (for several comparisons, that of the weakest)
 * @param low lower end of its 95% interval
 * @param high upper end of its 95% interval
 * @param pClaim p-value of the claim's test (superiority: "no gap or the other way", the largest
 *     over the comparisons, all of which must hold; equivalence: TOST's "outside the margin");
 *     {@code NaN} if untested
 * @param pOpposite p-value for "the opposite holds" (superiority: some comparison's gap is below
 *     0, Bonferroni over the claim's k comparisons; equivalence: the gap lies outside the margin)
 * @param pSmaller p-value for "smaller than the paper's effect" (superiority with a paper effect:
 *     some comparison's gap is below it, Bonferroni over k); {@code NaN} where the paper gives no
 *     number or for equivalence
 * @param mde minimum detectable effect (superiority: of the comparison whose effect is shown) or
 *     margin (equivalence) at this budget
 * @param cap why no verdict stronger than "inconclusive" may be drawn, if so
 * @param outOfScope the premise this budget's data cannot meet, with its numbers, if so
 * @param decided a verdict that needs no p-value (trainability), if so
 * @param evidence our numbers and how they were tested
 */
public record Judgement(ClaimDeclaration claim, double effect, double low, double high, double pClaim,
        double pOpposite, double pSmaller, double mde, Optional<String> cap, Optional<String> outOfScope,
        Optional<Verdict> decided, String evidence) {

    /** A claim no test measured: a verdict decided without p-values (trainability, a diverged run). */
    public static Judgement decided(ClaimDeclaration claim, Verdict verdict, Optional<String> outOfScope,
            String evidence) {
        return new Judgement(claim, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Optional.empty(), outOfScope, Optional.of(verdict), evidence);
    }

    /** The same judgement, out of scope for {@code reason}. */
    public Judgement outOfScope(String reason) {
        return new Judgement(claim, effect, low, high, pClaim, pOpposite, pSmaller, mde, cap, Optional.of(reason),
                decided, evidence);
    }
}
