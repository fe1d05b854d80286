package io.vggsuite.claims;

import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The rule that turns the measured claims of one report into verdicts. With α = {@link
 * ClaimStatistics#ALPHA} and Holm's correction applied across the claims of a family of the report
 * (the paper's claims; the ablations beyond the paper), separately to each of the three p-values
 * a {@link Judgement} carries (within a claim, {@link ClaimJudge#tested} has already adjusted for
 * its comparisons):
 * <ul>
 *   <li><b>out of scope at this budget</b>: the budget's data cannot meet a premise the claim
 *       needs; no test decides it, and the measurement is shown with the premise and numbers;
 *   <li><b>inconclusive</b> whatever the p-values when a cap applies (a net at chance, a
 *       one-seed comparison whose seed noise is unknown);
 *   <li><b>reproduced</b>: the claim's p below α (superiority: every comparison's gap above 0;
 *       equivalence: TOST puts the gap inside ±margin); where the gap is also significantly
 *       below the paper's effect, the evidence says so;
 *   <li><b>contradicted</b>: the opposite's p below α (superiority: some comparison's gap below
 *       0; equivalence: the gap outside ±margin); trainability: the control held and the deep
 *       net trained from the paper's start anyway;
 *   <li><b>smaller than the paper's effect</b>: neither, but some comparison's gap is
 *       significantly below the paper's effect: the budget rules out the paper's size, not the
 *       paper's sign;
 *   <li><b>inconclusive</b>: none of these; the report adds "underpowered: MDE x.x points" when
 *       the MDE exceeds the paper's effect;
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
        double[] holmClaim = holm(judged, Judgement.Test::pClaim);
        double[] holmOpposite = holm(judged, Judgement.Test::pOpposite);
        double[] holmSmaller = holm(judged, t -> t.pSmaller().orElse(Double.NaN));
        List<ClaimRecord> records = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            Judgement j = judged.get(i);
            String evidence = j.evidence();
            boolean smaller = holmSmaller[i] < ClaimStatistics.ALPHA;
            Verdict verdict;
            if (j.outOfScope().isPresent()) {
                verdict = Verdict.OUT_OF_SCOPE;
                evidence += " [" + j.outOfScope().get() + "]";
            } else if (j.decided().isPresent()) {
                verdict = j.decided().get();
            } else if (j.cap().isPresent()) {
                verdict = Verdict.INCONCLUSIVE;
            } else if (holmClaim[i] < ClaimStatistics.ALPHA) {
                verdict = Verdict.REPRODUCED;
                if (smaller) {
                    evidence += String.format(Locale.ROOT, " [and smaller than the paper's effect: p=%.3g after"
                            + " Holm]", holmSmaller[i]);
                }
            } else if (holmOpposite[i] < ClaimStatistics.ALPHA) {
                verdict = Verdict.CONTRADICTED;
                evidence += String.format(Locale.ROOT, " [the opposite holds: p=%.3g after Holm]", holmOpposite[i]);
            } else if (smaller) {
                verdict = Verdict.SMALLER_THAN_PAPER;
                evidence += String.format(Locale.ROOT, " [below the paper's effect: p=%.3g after Holm; the opposite:"
                        + " p=%.3g]", holmSmaller[i], holmOpposite[i]);
            } else {
                verdict = Verdict.INCONCLUSIVE;
            }
            ClaimDeclaration c = j.claim();
            Optional<Judgement.Test> t = j.test();
            records.add(new ClaimRecord(c.id(), c.sentence(), c.paperEvidence(), c.kind().label(), c.paperEffect(),
                    t.map(Judgement.Test::effect).orElse(Double.NaN), t.map(Judgement.Test::low).orElse(Double.NaN),
                    t.map(Judgement.Test::high).orElse(Double.NaN), holmClaim[i],
                    t.map(Judgement.Test::mde).orElse(Double.NaN), verdict,
                    verdict == Verdict.INCONCLUSIVE ? j.cap() : Optional.empty(), evidence));
        }
        return records;
    }

    /**
     * Holm's adjustment of one p-value over the family; a claim without a test (or without that
     * p-value) takes no part, as {@link ClaimStatistics#holm} reads NaN, and its cell stays empty.
     */
    private static double[] holm(List<Judgement> family, ToDoubleFunction<Judgement.Test> p) {
        return ClaimStatistics.holm(family.stream()
                .mapToDouble(j -> j.test().map(p::applyAsDouble).orElse(Double.NaN)).toArray());
    }

    /** The row of a declared claim that this folder's experiments did not judge. */
    public static ClaimRecord notRun(ClaimDeclaration c, String why) {
        return new ClaimRecord(c.id(), c.sentence(), c.paperEvidence(), c.kind().label(), c.paperEffect(), Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.NOT_RUN, Optional.empty(), why);
    }
}
