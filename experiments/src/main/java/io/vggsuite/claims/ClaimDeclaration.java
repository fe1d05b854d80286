package io.vggsuite.claims;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything about one claim: its number, the paper's sentence and evidence, the paper's effect,
 * and what it compares (the {@link ClaimKind} with its runs, evaluation methods and test scales).
 * The claims test judges it, claims.csv carries it, and the report prints it from there.
 *
 * @param id the claim's number; the paper's claims are 1–12, others must choose their own
 * @param sentence the claim in one sentence
 * @param paperEvidence the paper's numbers behind it, with table and section
 * @param paperEffect the paper's effect in points of top-1 error, positive agreeing with the
 *     claim (for equivalence, the paper's gap); {@code NaN} when the paper gives no number
 * @param kind what is compared and how it is tested
 * @param premise what the budget's data must offer for the claim to be testable at all, if anything
 */
public record ClaimDeclaration(int id, String sentence, String paperEvidence, double paperEffect, ClaimKind kind,
        Optional<Premise> premise) {

    /** A claim any budget can test. */
    public ClaimDeclaration(int id, String sentence, String paperEvidence, double paperEffect, ClaimKind kind) {
        this(id, sentence, paperEvidence, paperEffect, kind, Optional.empty());
    }

    /** The same claim, testable only where the data meet {@code needed}. */
    public ClaimDeclaration requiring(Premise needed) {
        return new ClaimDeclaration(id, sentence, paperEvidence, paperEffect, kind, Optional.of(needed));
    }

    public ClaimDeclaration {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(paperEvidence, "paperEvidence");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(premise, "premise");
        if (id <= 0) {
            throw new IllegalArgumentException("claim '" + sentence + "': id must be positive, got " + id);
        }
    }
}
