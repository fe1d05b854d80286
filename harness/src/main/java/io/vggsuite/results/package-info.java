/**
 * Results on disk: one folder per run ({@link io.vggsuite.results.RunFolder}: provenance, per-epoch
 * curve, final evaluations, per-image predictions, status, lock) under one results root ({@link
 * io.vggsuite.results.ResultsRoot}: the runs, the claims verdicts, the fusion results, the report
 * folder). The file formats are the contract between the trainer, the experiments and the report;
 * their column names live in {@link io.vggsuite.results.Columns} and the provenance keys in {@link
 * io.vggsuite.results.ProvenanceKeys}, the names of baseline metrics in {@link
 * io.vggsuite.results.MetricNames} (read back, with their seed spreads, by {@link
 * io.vggsuite.results.SeedSpreads}). Every file is written to a temporary file and renamed
 * ({@link io.vggsuite.results.AtomicFiles}), so a reader never sees half a file.
 *
 * <p>Errors are percentages (0–100), as the paper prints them. A missing number is {@code NaN} in
 * memory and an empty cell on disk, never 0.
 *
 * <p>Depends on the JDK, Commons CSV and, only to read the engine versions for provenance, DJL's
 * {@code Engine}; never on {@code train}, {@code eval} or the reports.
 */
package io.vggsuite.results;
