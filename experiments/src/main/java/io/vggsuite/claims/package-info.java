/**
 * The claims the ablation judges, each in one {@link io.vggsuite.claims.ClaimDeclaration} (found
 * through {@link io.vggsuite.claims.ClaimSet} by {@link java.util.ServiceLoader}), and the
 * statistics that turn measured runs into verdicts: {@link io.vggsuite.claims.ClaimStatistics}
 * (pure arithmetic, commons-math3 quantiles), {@link io.vggsuite.claims.ClaimJudge} (one claim
 * measured) and {@link io.vggsuite.claims.ClaimVerdicts} (Holm across a report, then the verdict).
 *
 * <p>Depends on the harness and on {@code io.vggsuite.ablation} (the plan that resolves a claim's
 * runs); the experiments' tests drive it.
 */
package io.vggsuite.claims;
