/**
 * Training: device choice, the paper's recipe (Section 3.1), the trainer loop, schedules and
 * checkpoints. May depend on {@code model}, {@code data} and {@code results}
 * (the run folders it writes); never on {@code eval}: the per-epoch validation comes in as a
 * {@link io.vggsuite.train.Validation} function, which evaluation supplies. {@code
 * LayeringTest} checks it.
 */
package io.vggsuite.train;
