/**
 * The ablation of Section 4 as data: budgets (how big a run is), the plan (which runs the paper's
 * protocol needs and how they start from each other) and the departures from the paper's protocol
 * (written to {@code protocol.csv} for the report). The claims and the rule that turns numbers
 * into a verdict live in {@code io.vggsuite.claims}. The JUnit experiments in this module's tests
 * drive both.
 *
 * <p>Depends on the harness; nothing depends on it but the experiments.
 */
package io.vggsuite.ablation;
