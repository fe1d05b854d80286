/**
 * Accuracy regression: the metrics of a results folder, baselines with tolerance bands derived
 * from measured seed spread, and the check that compares the two. Depends on the harness's
 * results package only.
 */
package io.vggsuite.ci;
