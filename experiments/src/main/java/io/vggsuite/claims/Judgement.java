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
 * @param pClaim p-value of the claim's test (superiority: "no gap or the other way"; equivalence:
 *     TOST's "outside the margin"); {@code NaN} if untested
 * @param pContrary p-value of the contrary test (superiority: "the gap is at least the paper's
 *     effect", or at least 0 where the paper gives none; equivalence: "inside the margin")
 * @param mde minimum detectable effect (superiority) or margin (equivalence) at this budget
 * @param cap why no verdict stronger than "inconclusive" may be drawn, if so
 * @param decided a verdict that needs no p-value (trainability), if so
 * @param evidence our numbers and how they were tested
 */
public record Judgement(ClaimDeclaration claim, double effect, double low, double high, double pClaim,
        double pContrary, double mde, Optional<String> cap, Optional<Verdict> decided, String evidence) {}
