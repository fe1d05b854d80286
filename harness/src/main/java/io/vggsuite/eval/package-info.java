/**
 * Evaluation (Sections 3.2 and 4): the test protocols (centre crop, dense over every window of
 * {@link io.vggsuite.eval.DenseWindows}, in one pass or each window alone as a budget's
 * {@link io.vggsuite.eval.DensePadding} says, multi-crop, their combination, any of them over several
 * scales), top-k error, model fusion (Table 6), the paired test that says whether a difference
 * between two nets is beyond test-set noise, the test-set evaluation of a trained run kept in its
 * folder ({@link io.vggsuite.eval.FinalEvaluation}) and the trainer's per-epoch validation
 * ({@link io.vggsuite.eval.CentreCropValidation}).
 *
 * <p>May depend on {@code model}, {@code data}, {@code results} and {@code train} (a trained run
 * and its images); {@code train} never depends on it. {@code LayeringTest} checks it.
 */
package io.vggsuite.eval;
