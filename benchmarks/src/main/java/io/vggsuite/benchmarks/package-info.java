/**
 * Throughput mains, run by hand or in a nightly job, never as timed tests: they print figures, they
 * assert nothing. May depend on everything in {@code harness}.
 */
package io.vggsuite.benchmarks;
