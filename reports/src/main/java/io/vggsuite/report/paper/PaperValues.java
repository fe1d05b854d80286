package io.vggsuite.report.paper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The rows of {@code vgg-paper.csv}, in file order, which is the paper's order within each table. */
public final class PaperValues {

    public static final String TABLE_2 = "table2";
    public static final String TABLE_3 = "table3";
    public static final String TABLE_4 = "table4";
    public static final String TABLE_5 = "table5";
    public static final String TABLE_6 = "table6";
    public static final String SECTION_3_1 = "section3.1";
    public static final String SECTION_4_1 = "section4.1";

    static final String RESOURCE = "vgg-paper.csv";

    private final List<PaperRow> rows;

    private PaperValues(List<PaperRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Reads the resource shipped with this module. */
    public static PaperValues load() {
        try (InputStream in = PaperValues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static PaperValues parse(Reader in, String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<PaperRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            for (CSVRecord r : parser) {
                try {
                    rows.add(new PaperRow(
                            r.get("source"),
                            Integer.parseInt(r.get("row")),
                            r.get("config"),
                            r.get("train_s"),
                            scales(r.get("test_q")),
                            r.get("method"),
                            number(r.get("top1_error")),
                            number(r.get("top5_error")),
                            number(r.get("value")),
                            r.get("text"),
                            r.get("evidence"),
                            r.get("init")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(name + " line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
                }
            }
        }
        return new PaperValues(rows);
    }

    private static List<Integer> scales(String cell) {
        return cell.isBlank() ? List.of() : Arrays.stream(cell.split(";")).map(s -> Integer.valueOf(s.trim())).toList();
    }

    private static OptionalDouble number(String cell) {
        return cell.isBlank() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(cell));
    }

    public List<PaperRow> all() {
        return rows;
    }

    /** One table's or section's rows in the paper's order. */
    public List<PaperRow> of(String source) {
        List<PaperRow> selected = rows.stream().filter(r -> r.source().equals(source)).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no paper rows for '" + source + "' in " + RESOURCE);
        }
        return selected;
    }
}
