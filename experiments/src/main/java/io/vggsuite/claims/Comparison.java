package io.vggsuite.claims;

/**
 * "{@code first} has lower top-1 error than {@code second}" (superiority), or "{@code first} and
 * {@code second} differ by less than the margin" (equivalence). The gap is second − first, in
 * points of top-1 error, so a positive gap agrees with a superiority claim.
 */
public record Comparison(Arm first, Arm second) {

    public String label() {
        return first.label() + " vs " + second.label();
    }
}
