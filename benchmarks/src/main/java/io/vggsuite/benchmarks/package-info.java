/**
 * Throughput mains, run by hand or in a nightly job, never as timed tests: they print figures, they
 * assert nothing. One main measures accuracy instead: {@link DensePaddingCheck}, a trained run's
 * test error under both forms of dense evaluation, the measurement behind a budget's choice. May depend on everything in {@code harness}, on the budgets of {@code
 * experiments} (read, never copied) and on PyTorch's profiler through DJL ({@link OpProfile}).
 */
package io.vggsuite.benchmarks;
