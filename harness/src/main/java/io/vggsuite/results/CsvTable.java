package io.vggsuite.results;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes one results CSV file: a header row that must match the expected columns exactly,
 * then one row per record. Numbers are written with full precision ({@link Double#toString}); a
 * missing number ({@code NaN}) is an empty cell, and an empty cell reads back as {@code NaN}.
 */
final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CsvTable() {}

    /** One data row being read, with the file and line for error messages. */
    static final class Row {
        private final Path file;
        private final long line;
        private final List<String> columns;
        private final CSVRecord record;

        private Row(Path file, long line, List<String> columns, CSVRecord record) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.record = record;
        }

        String text(String column) {
            return record.get(columns.indexOf(column));
        }

        /** Whether this row's file has {@code column}: false for a column its (older) layout lacks. */
        boolean has(String column) {
            return columns.contains(column);
        }

        int integer(String column) {
            String cell = text(column);
            try {
                return Integer.parseInt(cell.trim());
            } catch (NumberFormatException e) {
                throw error(column, cell, "an integer");
            }
        }

        double number(String column) {
            String cell = text(column).trim();
            if (cell.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw error(column, cell, "a number or an empty cell");
            }
        }

        List<Integer> integers(String column) {
            String cell = text(column).trim();
            if (cell.isEmpty()) {
                return List.of();
            }
            try {
                return Arrays.stream(cell.split(Columns.LIST_SEPARATOR, -1))
                        .map(s -> Integer.valueOf(s.trim()))
                        .toList();
            } catch (NumberFormatException e) {
                throw error(column, cell, "integers separated by '" + Columns.LIST_SEPARATOR + "'");
            }
        }

        List<String> texts(String column) {
            String cell = text(column).trim();
            return cell.isEmpty() ? List.of() : List.of(cell.split(Columns.LIST_SEPARATOR, -1));
        }

        /** Parses a cell with a parser that throws {@link IllegalArgumentException} on bad input. */
        <T> T parsed(String column, Function<String, T> parser) {
            String cell = text(column);
            try {
                return parser.apply(cell);
            } catch (IllegalArgumentException e) {
                throw new ResultsFileException(file, line, "column " + column + ": " + e.getMessage());
            }
        }

        private ResultsFileException error(String column, String cell, String expected) {
            return new ResultsFileException(file, line, "column " + column + " is '" + cell + "', expected " + expected);
        }
    }

    /** Every row of the file; an absent file has none. Any deviation from the format names the file and line. */
    static <T> List<T> read(Path file, List<String> columns, Function<Row, T> toRecord) {
        return read(file, columns, List.of(), toRecord);
    }

    /**
     * Like {@link #read(Path, List, Function)} for a file whose columns grew: the header may also be
     * one of {@code olderHeaders} (the layouts written before), and each row is then read by the
     * header its file has, so {@code toRecord} asks {@link Row#has} for a column added later and
     * supplies the value files without it meant. Any other header is still an error naming the
     * current one.
     */
    static <T> List<T> read(Path file, List<String> columns, List<List<String>> olderHeaders,
            Function<Row, T> toRecord) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            List<T> rows = new ArrayList<>();
            List<String> layout = columns;
            boolean header = true;
            for (CSVRecord record : parser) {
                // Cells never hold line breaks we write ourselves except in free text, so the record
                // number is the line number for every file but a multi-line claim.
                long line = record.getRecordNumber();
                List<String> cells = record.toList();
                if (header) {
                    if (!cells.equals(columns) && !olderHeaders.contains(cells)) {
                        throw new ResultsFileException(file, line,
                                "header is " + cells + ", expected " + columns);
                    }
                    layout = cells;
                    header = false;
                } else if (cells.size() != layout.size()) {
                    throw new ResultsFileException(file, line, "expected " + layout.size()
                            + " cells (" + String.join(",", layout) + "), found " + cells.size()
                            + "; the file may be truncated");
                } else {
                    rows.add(toRecord.apply(new Row(file, line, layout, record)));
                }
            }
            if (header) {
                throw new ResultsFileException(file, "empty file, expected the header " + columns);
            }
            return rows;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports a broken quote this way; the message says where.
            throw new ResultsFileException(file, "not valid CSV: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes the header and one row per record, atomically. */
    static <T> void write(Path file, List<String> columns, List<T> rows, Function<T, List<String>> toCells) {
        try {
            AtomicFiles.write(file, out -> {
                CSVPrinter printer = new CSVPrinter(out, FORMAT);
                printer.printRecord(columns);
                for (T row : rows) {
                    List<String> cells = toCells.apply(row);
                    if (cells.size() != columns.size()) {
                        throw new IllegalStateException(
                                "row has " + cells.size() + " cells, " + file + " has " + columns.size() + " columns");
                    }
                    printer.printRecord(cells);
                }
                printer.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Full precision; {@code NaN} as an empty cell so it can never be read as a value. An infinite
     * loss stays "Infinity", which reads back as itself.
     */
    static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    static String integers(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(Columns.LIST_SEPARATOR));
    }

    static String texts(List<String> values) {
        for (String value : values) {
            if (value.contains(Columns.LIST_SEPARATOR)) {
                throw new IllegalArgumentException("'" + value + "' contains the list separator '"
                        + Columns.LIST_SEPARATOR + "'");
            }
        }
        return String.join(Columns.LIST_SEPARATOR, values);
    }
}
