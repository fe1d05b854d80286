package io.vggsuite.report;

import io.vggsuite.report.render.Document.Block;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Paragraph;
import io.vggsuite.report.render.Document.Ref;
import io.vggsuite.report.render.Document.Table;
import io.vggsuite.results.ArmRecord;
import io.vggsuite.results.ClaimRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ablations the paper did not run: their claims (apart from the paper's, and corrected by
 * Holm as a family of their own) and one table per claim with its arms as measured, from
 * {@code claims.csv} and {@code arms.csv}. Nothing here names an ablation: a new one declared in
 * the experiments appears without a change to the report.
 */
final class BeyondPaperTables {

    static final String MARK = "Beyond the paper: the paper has no number here, so no paper column.";

    private BeyondPaperTables() {}

    static List<Block> of(List<ClaimRecord> beyond, List<ArmRecord> arms, RunIndex index) {
        if (beyond.isEmpty()) {
            return List.of(new Paragraph("No ablation beyond the paper is declared in this folder's claims.csv."));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(ClaimsTable.claims("claims-beyond", "Ablations beyond the paper: claims and our verdicts", beyond));
        Map<String, RunInfo> runs = index.all().stream()
                .collect(Collectors.toMap(RunInfo::runId, Function.identity(), (a, b) -> a));
        for (ClaimRecord claim : beyond) {
            List<List<Cell>> rows = new ArrayList<>();
            for (ArmRecord arm : arms) {
                if (arm.claimId() == claim.id()) {
                    List<Ref> refs = arm.runIds().stream().map(id -> Optional.ofNullable(runs.get(id)))
                            .flatMap(Optional::stream).map(RunInfo::ref).toList();
                    rows.add(List.of(Cell.of(arm.arm()), Cell.withRefs(arm.runIds().size() + " run(s)", refs),
                            errorCell(arm.top1Error()), errorCell(arm.top5Error())));
                }
            }
            String caption = "Claim " + claim.id() + " (beyond the paper): " + claim.claim();
            if (rows.isEmpty()) {
                blocks.add(new Paragraph(caption + " No arm of it was measured in this folder ("
                        + claim.verdict().label() + ")."));
                continue;
            }
            blocks.add(new Table("beyond-" + claim.id(), caption,
                    List.of("arm", "runs", "top-1 error (%)", "top-5 error (%)"), rows,
                    List.of(MARK, claim.paperEvidence())));
        }
        return blocks;
    }

    /** NaN where the arm's run diverged (the claim's evidence says which). */
    private static Cell errorCell(double percent) {
        return Double.isNaN(percent) ? Cell.missing(Formats.DIVERGED) : Cell.of(Formats.error(percent));
    }
}
