package io.vggsuite.results;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The outcome of testing one of the paper's claims; the label is what {@code claims.csv} holds.
 * The experiments' {@code io.vggsuite.claims.ClaimVerdicts} says precisely when each applies.
 */
public enum Verdict {
    /** The claim's test rejected "no effect" (or, for equivalence, "outside the margin") after Holm. */
    REPRODUCED("reproduced"),
    /** The data reject the claim after Holm: the effect is significantly below the paper's, or outside the margin. */
    CONTRADICTED("contradicted"),
    /** Neither: the budget could not decide (the evidence gives its minimum detectable effect). */
    INCONCLUSIVE("inconclusive"),
    /** The claim is declared but its runs were not judged in this results folder. */
    NOT_RUN("not run");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Verdict fromLabel(String label) {
        for (Verdict verdict : values()) {
            if (verdict.label.equals(label)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + label + "': expected one of "
                + Arrays.stream(values()).map(Verdict::label).collect(Collectors.joining(", ")));
    }
}
