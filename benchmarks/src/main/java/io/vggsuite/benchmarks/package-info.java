/**
 * Throughput mains, run by hand or in a nightly job, never as timed tests: they print figures, they
 * assert nothing. May depend on everything in {@code harness}, on the budgets of {@code
 * experiments} (read, never copied) and on PyTorch's profiler through DJL ({@link OpProfile}).
 */
package io.vggsuite.benchmarks;
