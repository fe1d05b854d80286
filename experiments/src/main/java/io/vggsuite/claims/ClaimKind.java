package io.vggsuite.claims;

import java.util.List;
import java.util.Locale;

/** What a claim says, and so which test judges it. */
public sealed interface ClaimKind {

    /** What {@code claims.csv}'s kind column holds. */
    String label();

    /** Every run the claim reads, as selectors (the runs they start from are implied). */
    List<RunSelector> runs();

    /** The comparisons a statistical test judges; none for trainability, judged by which nets train. */
    List<Comparison> comparisons();

    /**
     * "X beats Y": every comparison's first arm has lower error than its second. The claim's
     * p-value is the largest of its comparisons' (an intersection–union test: all must hold).
     */
    record Superiority(List<Comparison> comparisons) implements ClaimKind {
        public Superiority {
            comparisons = List.copyOf(comparisons);
            if (comparisons.isEmpty()) {
                throw new IllegalArgumentException("a superiority claim needs one or more comparisons");
            }
        }

        @Override
        public String label() {
            return "superiority";
        }

        @Override
        public List<RunSelector> runs() {
            return comparisons.stream().flatMap(c -> c.runs().stream()).toList();
        }
    }

    /**
     * "X ≈ Y": the gap lies within ±{@code margin} points of top-1 error, shown by two one-sided
     * tests (TOST). Failing to find a difference is never evidence of equivalence.
     */
    record Equivalence(Comparison comparison, double margin) implements ClaimKind {
        /** One point of top-1 error: ten times the paper's own gaps for claims 1 (0.1) and 3 (0.3). */
        public static final double DEFAULT_MARGIN = 1.0;

        public Equivalence {
            if (!(margin > 0)) {
                throw new IllegalArgumentException("an equivalence margin must be positive, got " + margin);
            }
        }

        @Override
        public String label() {
            return String.format(Locale.ROOT, "equivalence (margin ±%.1f)", margin);
        }

        @Override
        public List<RunSelector> runs() {
            return comparison.runs();
        }

        @Override
        public List<Comparison> comparisons() {
            return List.of(comparison);
        }
    }

    /**
     * "The shallow net trains from this start, the deep one does not": judged only with its
     * control, the deep net warm-started from the shallow one (Section 3.1).
     *
     * @param shallow the net the paper trained from random weights (A from N(0, 10⁻²))
     * @param deep the deep net from the same random start (E from N(0, 10⁻²))
     * @param deepWarm the deep net warm-started from the shallow one
     */
    record Trainability(RunSelector shallow, RunSelector deep, RunSelector deepWarm) implements ClaimKind {
        @Override
        public String label() {
            return "trainability";
        }

        @Override
        public List<RunSelector> runs() {
            return List.of(shallow, deep, deepWarm);
        }

        @Override
        public List<Comparison> comparisons() {
            return List.of();
        }
    }
}
