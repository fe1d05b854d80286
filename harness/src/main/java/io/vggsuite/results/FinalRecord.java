package io.vggsuite.results;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code final.csv}: a trained net evaluated one way at one set of test scales.
 *
 * @param method how each image was scored
 * @param testScales the test scales Q that ran, in pixels of the smallest image side
 * @param paperTestScales the paper's test scales these stand for (e.g. 256;384;512 for a CIFAR run
 *     at 37;55;73), which is how the report finds the row of the paper's table
 * @param top1Error in percent ({@code NaN} if not measured)
 * @param top5Error in percent ({@code NaN} if not measured)
 * @param images how many test images were scored
 */
public record FinalRecord(
        EvalMethod method,
        List<Integer> testScales,
        List<Integer> paperTestScales,
        double top1Error,
        double top5Error,
        int images) {

    public FinalRecord {
        Objects.requireNonNull(method, "method");
        testScales = List.copyOf(testScales);
        paperTestScales = List.copyOf(paperTestScales);
        if (images < 0) {
            throw new IllegalArgumentException("images must be >= 0, got " + images);
        }
    }

    /** Its six cells, in the order of {@link Columns#FINAL} (and of the last six of {@link Columns#FUSION}). */
    static List<String> cells(FinalRecord r) {
        return List.of(
                r.method().id(),
                CsvTable.integers(r.testScales()),
                CsvTable.integers(r.paperTestScales()),
                CsvTable.number(r.top1Error()),
                CsvTable.number(r.top5Error()),
                Integer.toString(r.images()));
    }

    /** Reads the six columns {@link #cells} writes, by name. */
    static FinalRecord from(CsvTable.Row row) {
        return new FinalRecord(
                row.parsed(Columns.METHOD, EvalMethod::fromId),
                row.integers(Columns.TEST_SCALES),
                row.integers(Columns.PAPER_TEST_SCALES),
                row.number(Columns.TOP1_ERROR),
                row.number(Columns.TOP5_ERROR),
                row.integer(Columns.IMAGES));
    }
}
