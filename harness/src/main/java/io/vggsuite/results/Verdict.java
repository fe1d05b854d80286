package io.vggsuite.results;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The outcome of testing one of the paper's claims; the label is what {@code claims.csv} holds. */
public enum Verdict {
    REPRODUCED("reproduced"),
    NOT_REPRODUCED("not reproduced"),
    INCONCLUSIVE("inconclusive");

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
