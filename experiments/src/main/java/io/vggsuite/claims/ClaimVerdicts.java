package io.vggsuite.claims;

import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rule that turns the measured claims of one report into verdicts. With α = {@link
 * ClaimStatistics#ALPHA} and Holm's correction applied across the claims of a family of the report
 * (the paper's claims; the ablations beyond the paper), once to the claims' p-values and once to
 * the contrary p-values:
 * <ul>
 *   <li><b>reproduced</b>: the claim's Holm-adjusted p-value is below α (superiority: every
 *       comparison's gap is above 0; equivalence: TOST puts the gap inside ±margin);
 *   <li><b>contradicted</b>: not reproduced, and the contrary Holm-adjusted p-value is below α
 *       (superiority: some comparison's gap is significantly smaller than the paper's effect, or
 *       than 0 where the paper gives no number — a null that the budget had the power to see
 *       past; equivalence: the gap lies significantly outside ±margin); trainability: the
 *       control held and the deep net trained from the paper's start anyway;
 *   <li><b>inconclusive</b>: neither, or a cap applies (a net at chance, or a one-seed
 *       comparison whose seed noise is unknown); the report adds "underpowered: MDE x.x points"
 *       when the MDE exceeds the paper's effect;
 *   <li><b>not run</b>: declared, but its runs were not judged in this folder.
 * </ul>
 */
public final class ClaimVerdicts {

    private ClaimVerdicts() {}

    /**
     * The verdicts of {@code judged}, in its order. Holm's correction runs within each family:
     * the paper's claims, and the ablations beyond the paper ({@link
     * ClaimRecord#FIRST_BEYOND_THE_PAPER}), so a new ablation never moves a verdict on the paper.
     */
    public static List<ClaimRecord> decide(List<Judgement> judged) {
        Map<Boolean, List<Judgement>> families = judged.stream()
                .collect(Collectors.partitioningBy(j -> ClaimRecord.beyondThePaper(j.claim().id())));
        Map<Judgement, ClaimRecord> decided = new IdentityHashMap<>();
        for (List<Judgement> family : families.values()) {
            List<ClaimRecord> records = decideFamily(family);
            for (int i = 0; i < family.size(); i++) {
                decided.put(family.get(i), records.get(i));
            }
        }
        return judged.stream().map(decided::get).toList();
    }

    private static List<ClaimRecord> decideFamily(List<Judgement> judged) {
        double[] pClaim = judged.stream().mapToDouble(Judgement::pClaim).toArray();
        double[] pContrary = judged.stream().mapToDouble(Judgement::pContrary).toArray();
        double[] holmClaim = ClaimStatistics.holm(pClaim);
        double[] holmContrary = ClaimStatistics.holm(pContrary);
        List<ClaimRecord> records = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            Judgement j = judged.get(i);
            String evidence = j.evidence();
            Verdict verdict;
            if (j.decided().isPresent()) {
                verdict = j.decided().get();
            } else if (j.cap().isPresent()) {
                verdict = Verdict.INCONCLUSIVE;
                evidence = ClaimRecord.withCap(evidence, j.cap().get());
            } else if (holmClaim[i] < ClaimStatistics.ALPHA) {
                verdict = Verdict.REPRODUCED;
            } else if (holmContrary[i] < ClaimStatistics.ALPHA) {
                verdict = Verdict.CONTRADICTED;
                evidence += String.format(Locale.ROOT, " [contrary test p=%.3g after Holm]", holmContrary[i]);
            } else {
                verdict = Verdict.INCONCLUSIVE;
            }
            ClaimDeclaration c = j.claim();
            records.add(new ClaimRecord(c.id(), c.sentence(), c.paperEvidence(), c.kind().label(), c.paperEffect(),
                    j.effect(), j.low(), j.high(), holmClaim[i], j.mde(), verdict, evidence));
        }
        return records;
    }

    /** The row of a declared claim that this folder's experiments did not judge. */
    public static ClaimRecord notRun(ClaimDeclaration c, String why) {
        return new ClaimRecord(c.id(), c.sentence(), c.paperEvidence(), c.kind().label(), c.paperEffect(), Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.NOT_RUN, why);
    }
}
