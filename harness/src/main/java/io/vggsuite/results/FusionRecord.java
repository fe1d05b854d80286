package io.vggsuite.results;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code fusion.csv}: several runs' softmax outputs averaged (Section 4.4, Table 6).
 *
 * @param members the fused runs' ids
 * @param label how the report names the ensemble, e.g. "D/[256;512] &amp; E/[256;512]"
 * @param method the evaluation method every member used
 * @param testScales the test scales that ran
 * @param paperTestScales the paper's test scales these stand for
 * @param top1Error in percent
 * @param top5Error in percent
 * @param images how many test images were scored
 */
public record FusionRecord(
        List<String> members,
        String label,
        EvalMethod method,
        List<Integer> testScales,
        List<Integer> paperTestScales,
        double top1Error,
        double top5Error,
        int images) {

    public FusionRecord {
        members = List.copyOf(members);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(method, "method");
        testScales = List.copyOf(testScales);
        paperTestScales = List.copyOf(paperTestScales);
    }
}
