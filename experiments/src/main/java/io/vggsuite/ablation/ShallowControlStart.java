package io.vggsuite.ablation;

/**
 * Where B-5×5, the shallow control of Section 4.1, starts. The paper does not say; Section 3.1
 * warm-starts "deeper architectures" from net A because deep nets from N(0, 10⁻²) stall, and B-5×5
 * (8 weight layers) is shallower than A (11). Which reading a budget takes is declared once, on the
 * {@link Budget}, and {@link AblationPlan} and {@link Departure#SHALLOW_CONTROL} read it.
 */
public enum ShallowControlStart {
    /**
     * The way B starts: A's conv layers 1–3, each 3×3 kernel centred in a 5×5 kernel of zeros (the
     * same function at the start), and fc6–fc8, the rest from the budget's random start. A short
     * budget needs it: a control from random weights against a warm-started B would compare a head
     * start, not filter sizes.
     */
    WARM_START_FROM_A,
    /**
     * From the budget's random start, as net A: what Section 3.1 does with a net shallow enough to
     * train from random weights. For a budget that trains until the plateau rule stops it, where the
     * head start is spent (the initialisation study measures whether it is).
     */
    FROM_SCRATCH
}
