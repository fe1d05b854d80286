package io.vggsuite.results;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code arms.csv}: one side of a claim's comparisons as measured, so that the report can
 * print a claim's own table (the ablations beyond the paper have no paper table to sit in) without
 * knowing the declarations.
 *
 * @param claimId the claim it belongs to
 * @param arm its label in the claim's evidence ("D-BN from Glorot")
 * @param runIds the runs it read, one per seed (the members' runs, for a fusion)
 * @param top1Error mean top-1 error over the seeds, in percent
 * @param top5Error mean top-5 error over the seeds, in percent
 */
public record ArmRecord(int claimId, String arm, List<String> runIds, double top1Error, double top5Error) {

    public ArmRecord {
        Objects.requireNonNull(arm, "arm");
        runIds = List.copyOf(runIds);
    }
}
