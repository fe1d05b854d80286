package io.vggsuite.report.paper;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of {@code vgg-paper.csv}: a number (or sentence) of the paper and where it is printed.
 *
 * @param source "table2" … "table6", "section3.1", or "section4.1"
 * @param row the row's position in that table of the paper, from 1
 * @param config the ConvNet configuration as the paper names it ("A-LRN", "D &amp; E"); empty if none
 * @param trainScale training scale S as printed: "256", "[256;512]"; empty if none
 * @param testScales test scales Q
 * @param method the evaluation method id, as in {@code final.csv}; empty if none
 * @param top1Error top-1 val. error in percent
 * @param top5Error top-5 val. error in percent
 * @param value another number (Table 2's parameters in millions, Section 4.1's 7%)
 * @param text a quotation
 * @param evidence unused (the claims moved to their declarations in the experiments); empty
 * @param init for Section 3.1, the provenance init id the sentence is about
 */
public record PaperRow(
        String source,
        int row,
        String config,
        String trainScale,
        List<Integer> testScales,
        String method,
        OptionalDouble top1Error,
        OptionalDouble top5Error,
        OptionalDouble value,
        String text,
        String evidence,
        String init) {

    public PaperRow {
        testScales = List.copyOf(testScales);
    }

    public Optional<String> methodId() {
        return method.isEmpty() ? Optional.empty() : Optional.of(method);
    }
}
