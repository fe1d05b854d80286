package io.vggsuite.results;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code fusion.csv}: several runs' softmax outputs averaged (Section 4.4, Table 6),
 * evaluated the way one run is ({@link FinalRecord}: the same six columns, written and read by the
 * same code).
 *
 * @param members the fused runs' ids
 * @param label how the report names the ensemble, e.g. "D/[256;512] &amp; E/[256;512]"
 * @param evaluation the ensemble's evaluation: method, test scales, errors, images
 */
public record FusionRecord(List<String> members, String label, FinalRecord evaluation) {

    public FusionRecord {
        members = List.copyOf(members);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(evaluation, "evaluation");
    }

    public EvalMethod method() {
        return evaluation.method();
    }

    public List<Integer> testScales() {
        return evaluation.testScales();
    }

    public List<Integer> paperTestScales() {
        return evaluation.paperTestScales();
    }

    public double top1Error() {
        return evaluation.top1Error();
    }

    public double top5Error() {
        return evaluation.top5Error();
    }

    public int images() {
        return evaluation.images();
    }
}
