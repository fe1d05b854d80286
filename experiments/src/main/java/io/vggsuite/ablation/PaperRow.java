package io.vggsuite.ablation;

import static io.vggsuite.ablation.AblationPlan.JITTERED;
import static io.vggsuite.ablation.AblationPlan.S256;
import static io.vggsuite.ablation.AblationPlan.S384;

import io.vggsuite.data.TrainScale;
import io.vggsuite.model.VggConfig;
import java.util.List;

/**
 * A (configuration, training scale) row of the paper's Tables 3 and 4, with the test scales each
 * table used (Section 4.1: Q = S, or ½(Smin + Smax) when jittered; Section 4.2: Q = {S − 32, S,
 * S + 32}, or {Smin, ½(Smin + Smax), Smax}), in the paper's pixels.
 */
public record PaperRow(VggConfig config, TrainScale trainScale) {

    /** Table 3's rows in the paper's order; Table 4 has those from B on. */
    public static final List<PaperRow> ALL = List.of(
            new PaperRow(VggConfig.A, S256),
            new PaperRow(VggConfig.A_LRN, S256),
            new PaperRow(VggConfig.B, S256),
            new PaperRow(VggConfig.C, S256), new PaperRow(VggConfig.C, S384), new PaperRow(VggConfig.C, JITTERED),
            new PaperRow(VggConfig.D, S256), new PaperRow(VggConfig.D, S384), new PaperRow(VggConfig.D, JITTERED),
            new PaperRow(VggConfig.E, S256), new PaperRow(VggConfig.E, S384), new PaperRow(VggConfig.E, JITTERED),
            new PaperRow(VggConfig.B_5X5, S256));

    /** The rows of Table 4 (multiple test scales). */
    public static final List<PaperRow> TABLE_4 = ALL.stream()
            .filter(r -> r.config() != VggConfig.A && r.config() != VggConfig.A_LRN && r.config() != VggConfig.B_5X5)
            .toList();

    public static final List<PaperRow> TABLE_3 = ALL.stream()
            .filter(r -> r.config() != VggConfig.B_5X5)
            .toList();

    /** Section 4.1's single test scale. */
    public List<Integer> singleTestScale() {
        return List.of(trainScale.singleTestScale());
    }

    /** Section 4.2's three test scales. */
    public List<Integer> multiTestScales() {
        return trainScale.multiTestScales();
    }
}
