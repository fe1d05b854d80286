package io.vggsuite.results;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code claims.csv}: one declared claim and what our runs say about it. The file
 * carries everything the report shows, so the report needs no knowledge of the declarations.
 *
 * @param id the claim's number: 1–12 for the paper's claims, from {@link #FIRST_BEYOND_THE_PAPER}
 *     for ablations the paper did not run
 * @param claim the claim in a sentence
 * @param paperEvidence the paper's numbers behind it
 * @param kind "superiority", "equivalence (margin ±1.0)" or "trainability"
 * @param paperEffect the paper's effect in points of top-1 error; {@code NaN} if qualitative
 * @param effect our effect in points, positive agreeing with the claim; {@code NaN} if none
 * @param low lower end of our effect's 95% confidence interval; {@code NaN} if none
 * @param high upper end of that interval; {@code NaN} if none
 * @param pHolm the claim's p-value after Holm's correction over its family of the folder (the paper's
 *     claims, or the ablations beyond the paper); {@code NaN} if no test
 * @param mde the minimum detectable effect at this budget, in points; {@code NaN} if none
 * @param verdict the outcome
 * @param cap why no verdict stronger than inconclusive could be drawn (one seed with no seed
 *     spread to borrow, a net at chance), where such a cap held: what the verdict owes to, rather
 *     than to the budget's power
 * @param ourEvidence our numbers behind the verdict, and how they were tested
 */
public record ClaimRecord(int id, String claim, String paperEvidence, String kind, double paperEffect, double effect,
        double low, double high, double pHolm, double mde, Verdict verdict, Optional<String> cap,
        String ourEvidence) {

    /**
     * The first id of a claim about an ablation the paper did not run (batch normalisation, other
     * widths). Such claims are a family of their own for Holm's correction, so adding one never
     * moves a verdict on the paper's claims, and the report prints them apart, marked as beyond
     * the paper.
     */
    public static final int FIRST_BEYOND_THE_PAPER = 101;

    /**
     * How a {@code claims.csv} written before the {@code cap} column ended its evidence with the
     * cap: {@code " [seed noise unknown: at most inconclusive]"}.
     */
    private static final String LEGACY_CAP_END = ": at most inconclusive]";
    private static final String LEGACY_CAP_START = " [";

    /** The cap a {@code claims.csv} without the {@code cap} column wrote at the end of its evidence. */
    static Optional<String> legacyCap(String evidence) {
        if (!evidence.endsWith(LEGACY_CAP_END)) {
            return Optional.empty();
        }
        int start = evidence.lastIndexOf(LEGACY_CAP_START);
        return start < 0 ? Optional.empty()
                : Optional.of(evidence.substring(start + LEGACY_CAP_START.length(),
                        evidence.length() - LEGACY_CAP_END.length()));
    }

    /** Whether claim {@code id} is about an ablation beyond the paper. */
    public static boolean beyondThePaper(int id) {
        return id >= FIRST_BEYOND_THE_PAPER;
    }

    public boolean beyondThePaper() {
        return beyondThePaper(id);
    }

    public ClaimRecord {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(paperEvidence, "paperEvidence");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(ourEvidence, "ourEvidence");
    }
}
