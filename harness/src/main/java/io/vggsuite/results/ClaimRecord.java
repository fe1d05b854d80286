package io.vggsuite.results;

import java.util.Objects;

/**
 * One row of {@code claims.csv}: one of the paper's claims and what our runs say about it.
 *
 * @param id the claim's number (1–12 in the report's list)
 * @param claim the claim in a sentence
 * @param paperEvidence the paper's numbers behind it
 * @param ourEvidence our numbers behind the verdict
 * @param effectSize the measured effect (e.g. the difference in top-1 error, percentage points);
 *     {@code NaN} if none
 * @param pValue the test's p-value; {@code NaN} if no test applies
 * @param verdict the outcome
 */
public record ClaimRecord(
        int id, String claim, String paperEvidence, String ourEvidence, double effectSize, double pValue, Verdict verdict) {

    public ClaimRecord {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(paperEvidence, "paperEvidence");
        Objects.requireNonNull(ourEvidence, "ourEvidence");
        Objects.requireNonNull(verdict, "verdict");
    }
}
