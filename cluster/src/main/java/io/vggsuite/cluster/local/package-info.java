/**
 * A budget's grid on one machine, several runs side by side: the DAG of {@link
 * io.vggsuite.cluster.Grid} scheduled over local processes, each a {@code train-run} job as a
 * scheduler would start it, with as many processes and PyTorch threads each as a measurement of
 * this machine says pays ({@link io.vggsuite.cluster.local.ThroughputProbe}). Depends on the
 * cluster package (the grid, the job, the launcher) and on the harness; the command line in
 * {@code cli} depends on it.
 */
package io.vggsuite.cluster.local;
