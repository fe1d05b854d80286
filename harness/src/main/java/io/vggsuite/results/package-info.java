/**
 * Results on disk: one folder per run ({@link io.vggsuite.results.RunFolder}: its typed key
 * ({@link io.vggsuite.results.RunKey}, what the report and {@code ci} select runs by), provenance, per-epoch
 * curve, final evaluations, per-image predictions, status, lock) under one results root ({@link
 * io.vggsuite.results.ResultsRoot}: the runs, the claims verdicts, the fusion results, the report
 * folder). The file formats are the contract between the trainer, the experiments and the report;
 * their column names live in {@link io.vggsuite.results.Columns} and the provenance keys in {@link
 * io.vggsuite.results.ProvenanceKeys}, the names of baseline metrics in {@link
 * io.vggsuite.results.MetricNames} (read back, with their seed spreads, by {@link
 * io.vggsuite.results.SeedSpreads}; a folder's values of them per seed, by {@link
 * io.vggsuite.results.SeedMetrics}). Every file is written to a temporary file and renamed
 * ({@link io.vggsuite.results.AtomicFiles}), so a reader never sees half a file.
 *
 * <p>Errors are percentages (0–100), as the paper prints them. A missing number is {@code NaN} in
 * memory and an empty cell on disk, never 0.
 *
 * <p>Depends on the JDK, Commons CSV, the value types a run key is made of ({@code model}'s
 * {@code VggConfig} and {@code Initialisation}, {@code data}'s {@code TrainScale}) and, only to read
 * the engine versions and thread counts for provenance, DJL's {@code Engine} and PyTorch's {@code
 * JniUtils}; never on {@code train}, {@code eval} or the reports (the trainer derives the key from
 * its {@code RunSpec}).
 */
package io.vggsuite.results;
