/**
 * Evaluation (Sections 3.2 and 4): the test protocols (centre crop, dense over every window of
 * {@link io.vggsuite.eval.DenseWindows}, multi-crop, their
 * combination, any of them over several scales), top-k error, model fusion (Table 6) and the
 * paired test that says whether a difference between two nets is beyond test-set noise.
 *
 * <p>May depend on {@code model}, {@code data} and {@code results} (for the method names); never
 * on {@code train}.
 */
package io.vggsuite.eval;
