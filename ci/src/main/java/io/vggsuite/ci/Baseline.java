package io.vggsuite.ci;

import io.vggsuite.results.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The committed numbers of one budget ({@code ci/baselines/<budget>.csv}) with two bands per
 * metric: the cross-machine band a fresh run of the baseline's first seed falls in anywhere (from
 * the measured seed spread), and the much tighter same-machine band of a rerun where the
 * baseline was made (from the measured rerun difference). Provenance and the reason for every
 * update go to the sidecar {@code <budget>.provenance.properties}.
 */
public record Baseline(SortedMap<String, Row> rows, Properties provenance) {

    /**
     * @param value the first seed's value: what a rerun of that seed should give
     * @param seedMean mean over the seeds the band was derived from
     * @param seedStd sample standard deviation over those seeds
     * @param low lower end of the cross-machine band
     * @param high upper end of the cross-machine band
     * @param sameMachineTolerance how far a same-machine rerun of the first seed may move
     */
    public record Row(double value, double seedMean, double seedStd, double low, double high,
            double sameMachineTolerance) {

        boolean within(double measured, Band band) {
            return band == Band.SAME_MACHINE
                    ? Math.abs(measured - value) <= sameMachineTolerance
                    : measured >= low && measured <= high;
        }

        String describe(Band band) {
            return band == Band.SAME_MACHINE
                    ? String.format(Locale.ROOT, "%.4f ± %.2g", value, sameMachineTolerance)
                    : String.format(Locale.ROOT, "[%.4f, %.4f]", low, high);
        }
    }

    /** Which band a check uses. */
    public enum Band {
        /** A fresh run anywhere: the spread of seeds (the default, and what CI uses). */
        CROSS_MACHINE,
        /** A rerun on the machine that made the baseline: runs there are deterministic. */
        SAME_MACHINE;

        public static Band fromProperty(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "":
                case "cross-machine":
                    return CROSS_MACHINE;
                case "same-machine":
                    return SAME_MACHINE;
                default:
                    throw new IllegalArgumentException("regression.band: unknown band '" + value
                            + "', expected cross-machine or same-machine");
            }
        }
    }

    private static final String[] HEADER = {"metric", "value", "seed_mean", "seed_std", "band_low", "band_high",
        "same_machine_tolerance"};

    public static Path csv(Path baselines, String budget) {
        return baselines.resolve(budget + ".csv");
    }

    public static Path sidecar(Path baselines, String budget) {
        return baselines.resolve(budget + ".provenance.properties");
    }

    public static Baseline read(Path baselines, String budget) throws IOException {
        Path file = csv(baselines, budget);
        if (!Files.exists(file)) {
            throw new IOException("no baseline for budget '" + budget + "' at " + file
                    + "; derive one with ci/derive-baseline.sh " + budget + " \"<why>\" (docs/regression.md)");
        }
        SortedMap<String, Row> rows = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                try {
                    rows.put(r.get("metric"), new Row(num(r, "value"), num(r, "seed_mean"), num(r, "seed_std"),
                            num(r, "band_low"), num(r, "band_high"), num(r, "same_machine_tolerance")));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ":" + r.getRecordNumber() + ": " + e.getMessage(), e);
                }
            }
        }
        Properties provenance = new Properties();
        Path side = sidecar(baselines, budget);
        if (Files.exists(side)) {
            try (Reader in = Files.newBufferedReader(side, StandardCharsets.UTF_8)) {
                provenance.load(in);
            }
        }
        return new Baseline(rows, provenance);
    }

    private static double num(CSVRecord r, String column) {
        String text = r.get(column);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + " is not a number: '" + text + "'");
        }
    }

    public void write(Path baselines, String budget) throws IOException {
        Files.createDirectories(baselines);
        AtomicFiles.write(csv(baselines, budget), out -> {
            // Not closed here: AtomicFiles owns the stream and closes it after syncing.
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
            for (var entry : rows.entrySet()) {
                Row r = entry.getValue();
                printer.printRecord(entry.getKey(), r.value(), r.seedMean(), r.seedStd(), r.low(), r.high(),
                        r.sameMachineTolerance());
            }
            printer.flush();
        });
        List<String> keys = new ArrayList<>(provenance.stringPropertyNames());
        keys.sort(String::compareTo);
        AtomicFiles.write(sidecar(baselines, budget), out -> {
            out.write("# Provenance of ci/baselines/" + budget + ".csv, written by io.vggsuite.ci.BaselineMain\n");
            for (String key : keys) {
                out.write(key + "=" + provenance.getProperty(key).replace("\n", " ") + "\n");
            }
        });
    }
}
