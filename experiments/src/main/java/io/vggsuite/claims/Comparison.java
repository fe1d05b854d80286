package io.vggsuite.claims;

import java.util.List;

/**
 * "{@code first} has lower top-1 error than {@code second}" (superiority), or "{@code first} and
 * {@code second} differ by less than the margin" (equivalence). The gap is second − first, in
 * points of top-1 error, so a positive gap agrees with a superiority claim.
 */
public record Comparison(Arm first, Arm second) {

    public String label() {
        return first.label() + " vs " + second.label();
    }

    /** The runs both arms read. */
    public List<RunSelector> runs() {
        return java.util.stream.Stream.concat(first.runs().stream(), second.runs().stream()).toList();
    }
}
