package io.vggsuite.results;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The seed-to-seed standard deviation of every metric of a budget, as its baseline
 * ({@code ci/baselines/<budget>.csv}, columns {@code metric} and {@code seed_std}) measured it.
 * A one-seed comparison borrows these, because one seed cannot measure its own seed noise.
 *
 * @param source the baseline file read, named in the evidence of every verdict that used it
 * @param seedStd metric name ({@link MetricNames}) → sample standard deviation over the baseline's seeds
 */
public record SeedSpreads(Path source, Map<String, Double> seedStd) {

    static final String METRIC = "metric";
    static final String SEED_STD = "seed_std";

    public SeedSpreads {
        seedStd = Map.copyOf(seedStd);
    }

    /** The spreads of {@code csv}; empty when there is no such file. */
    public static Optional<SeedSpreads> read(Path csv) {
        if (!Files.exists(csv)) {
            return Optional.empty();
        }
        Map<String, Double> spreads = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (!r.isMapped(METRIC) || !r.isMapped(SEED_STD)) {
                    throw new ResultsFileException(csv, "a baseline needs the columns " + METRIC + " and " + SEED_STD);
                }
                String text = r.get(SEED_STD);
                try {
                    spreads.put(r.get(METRIC), Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    throw new ResultsFileException(csv, r.getRecordNumber() + 1, "column " + SEED_STD
                            + " is not a number: '" + text + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline " + csv, e);
        }
        return Optional.of(new SeedSpreads(csv, spreads));
    }

    public OptionalDouble of(String metric) {
        Double value = seedStd.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
