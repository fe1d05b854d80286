package io.vggsuite.report;

import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many claims got each verdict: the two lines above the claims figure, one for the paper's
 * claims and one for the ablations beyond the paper (a family of their own, {@link
 * ClaimRecord#FIRST_BEYOND_THE_PAPER}).
 */
record VerdictCounts(Map<Verdict, Integer> counts) {

    /** The verdicts a reader of a reproduction asks about, named even at zero; "not run" only when some are. */
    private static final List<Verdict> ALWAYS_NAMED = List.of(Verdict.REPRODUCED, Verdict.CONTRADICTED,
            Verdict.SMALLER_THAN_PAPER, Verdict.INCONCLUSIVE, Verdict.OUT_OF_SCOPE);

    VerdictCounts {
        counts = Map.copyOf(counts);
    }

    static VerdictCounts of(List<ClaimRecord> claims) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        claims.forEach(c -> counts.merge(c.verdict(), 1, Integer::sum));
        return new VerdictCounts(counts);
    }

    int of(Verdict verdict) {
        return counts.getOrDefault(verdict, 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "3 reproduced, 1 contradicted, 0 smaller than the paper's effect, …". */
    String counted() {
        List<String> parts = new ArrayList<>();
        for (Verdict v : ALWAYS_NAMED) {
            parts.add(of(v) + " " + v.label());
        }
        if (of(Verdict.NOT_RUN) > 0) {
            parts.add(of(Verdict.NOT_RUN) + " " + Verdict.NOT_RUN.label());
        }
        return String.join(", ", parts);
    }

    /** The summary's two lines: the paper's claims, then those beyond the paper (omitted when none). */
    static List<String> summary(List<ClaimRecord> claims) {
        if (claims.isEmpty()) {
            return List.of("No claims judged yet: claims.csv is written once a seed's whole grid has trained and been"
                    + " evaluated.");
        }
        List<ClaimRecord> paper = claims.stream().filter(c -> !c.beyondThePaper()).toList();
        List<ClaimRecord> beyond = claims.stream().filter(ClaimRecord::beyondThePaper).toList();
        List<String> lines = new ArrayList<>();
        lines.add("The paper's " + paper.size() + " claim" + (paper.size() == 1 ? "" : "s") + " at this budget: "
                + of(paper).counted() + ".");
        if (!beyond.isEmpty()) {
            lines.add("Beyond the paper, " + beyond.size() + " ablation claim" + (beyond.size() == 1 ? "" : "s") + ": "
                    + of(beyond).counted() + ".");
        }
        return lines;
    }
}
