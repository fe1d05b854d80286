/**
 * Training: device choice, the paper's recipe (Section 3.1), the trainer loop, schedules and
 * checkpoints. May depend on {@code model} and {@code data}; never on {@code eval} or reports.
 */
package io.vggsuite.train;
