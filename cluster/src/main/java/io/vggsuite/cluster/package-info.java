/**
 * The ablation grid beyond one run at a time. {@link io.vggsuite.cluster.Grid} is a budget's runs
 * as a DAG (net A before the nets warm-started from it, S = 256 before its S = 384 fine-tune,
 * S = 384 before the jittered one); {@link io.vggsuite.cluster.RunJob} trains exactly one of them
 * into a shared results folder, which is what every scheduler's job runs. The schedulers live in
 * {@code slurm}, {@code kubernetes} and {@code local} (runs side by side on one machine); {@code
 * cli} is the command line. Depends on the harness, on the experiments' plan ({@code
 * io.vggsuite.ablation}) and on the declared claims ({@code io.vggsuite.claims}: the grid holds
 * every run a claim reads); nothing depends on it ({@code ModuleLayeringTest}).
 */
package io.vggsuite.cluster;
