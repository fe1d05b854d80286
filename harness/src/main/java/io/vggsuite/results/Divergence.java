package io.vggsuite.results;

/**
 * Why a run stopped early: the loss became non-finite.
 *
 * @param epoch the epoch in which the loss stopped being finite
 * @param lastFiniteLoss the last finite training loss seen ({@code NaN} if there was none)
 */
public record Divergence(int epoch, double lastFiniteLoss) {}
