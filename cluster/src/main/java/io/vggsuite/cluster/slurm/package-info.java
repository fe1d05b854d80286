/**
 * The grid on Slurm through its command-line tools, called with {@link java.lang.ProcessBuilder}
 * the way workflow engines such as Nextflow do (no DRMAA): one generated {@code sbatch} script per
 * run, {@code --dependency=afterok:} edges that follow the grid's DAG, {@code squeue} and
 * {@code sacct} for status, {@code scancel} to stop. Depends on {@code io.vggsuite.cluster}.
 */
package io.vggsuite.cluster.slurm;
