package io.vggsuite.results;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The outcome of testing one of the paper's claims; the label is what {@code claims.csv} holds.
 * The experiments' {@code io.vggsuite.claims.ClaimVerdicts} says precisely when each applies.
 */
public enum Verdict {
    /**
     * The claimed direction, significant after Holm (superiority: every comparison's gap above 0;
     * equivalence: TOST puts the gap inside ±margin).
     */
    REPRODUCED("reproduced"),
    /**
     * The opposite holds, significant after Holm (superiority: some comparison's gap below 0;
     * equivalence: the gap significantly outside ±margin; trainability: the deep net trained
     * from the paper's start with its control in place).
     */
    CONTRADICTED("contradicted"),
    /**
     * Neither direction established, but the budget rules out an effect as large as the paper's:
     * the gap is significantly below the paper's effect after Holm. Its own finding, not a
     * contradiction: the sign may still be the paper's.
     */
    SMALLER_THAN_PAPER("smaller than the paper's effect"),
    /** None of the above: the budget could not decide (the evidence gives its minimum detectable effect). */
    INCONCLUSIVE("inconclusive"),
    /**
     * The budget cannot test the claim at all: its data do not meet a premise the claim needs
     * (the evidence names the premise and the budget's numbers). The measurement is still shown.
     */
    OUT_OF_SCOPE("out of scope at this budget"),
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
