package io.vggsuite.results;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a run's numbers came from: settings and machine facts as key → value ({@code run.properties},
 * keys in {@link ProvenanceKeys}). Stored sorted by key so that two files diff cleanly.
 */
public record Provenance(SortedMap<String, String> fields) {

    public Provenance {
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** The value, or an exception naming the missing key. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException("provenance has no '" + key + "'"));
    }

    public OptionalLong getLong(String key) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("provenance '" + key + "' is not an integer: '" + value.get() + "'", e);
        }
    }

    public OptionalDouble getDouble(String key) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(value.get().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("provenance '" + key + "' is not a number: '" + value.get() + "'", e);
        }
    }

    /** The keys of {@link ProvenanceKeys#REQUIRED} this provenance lacks, in that order. */
    public List<String> missing() {
        return ProvenanceKeys.REQUIRED.stream().filter(k -> !fields.containsKey(k)).toList();
    }

    /** A copy with one key set (or replaced). */
    public Provenance with(String key, String value) {
        return toBuilder().put(key, value).build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.fields.putAll(fields);
        return builder;
    }

    /**
     * Writes one {@code key=value} line per key in key order, escaped as {@link Properties} escapes
     * them (so {@link Properties#load} reads the file back), without the date comment that would make
     * identical provenance differ.
     */
    void writeTo(Writer out) throws IOException {
        out.write("# Provenance of one run of the VGG suite; keys in io.vggsuite.results.ProvenanceKeys\n");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            Properties single = new Properties();
            single.setProperty(field.getKey(), field.getValue());
            StringWriter line = new StringWriter();
            single.store(line, null);
            for (String stored : line.toString().split("\n")) {
                if (!stored.startsWith("#")) {
                    out.write(stored.strip());
                    out.write('\n');
                }
            }
        }
    }

    static Provenance readFrom(Reader in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        SortedMap<String, String> fields = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            fields.put(key, properties.getProperty(key));
        }
        return new Provenance(fields);
    }

    /** Collects settings, then {@link #collect()} adds the machine facts. */
    public static final class Builder {
        private final SortedMap<String, String> fields = new TreeMap<>();

        private Builder() {}

        public Builder put(String key, String value) {
            Objects.requireNonNull(value, () -> "value of '" + key + "'");
            if (key.isBlank()) {
                throw new IllegalArgumentException("provenance key must not be blank");
            }
            fields.put(key, value);
            return this;
        }

        public Builder put(String key, long value) {
            return put(key, Long.toString(value));
        }

        public Builder put(String key, double value) {
            return put(key, Double.toString(value));
        }

        public Builder put(String key, boolean value) {
            return put(key, Boolean.toString(value));
        }

        /**
         * Adds the facts of this machine that were not set already: git commit and dirtiness of the
         * working directory, DJL and PyTorch versions, the device (GPU name when the engine sees a
         * GPU, else the CPU model), and what can make one seed's numbers differ between machines
         * ({@link ProvenanceKeys#MACHINE}: the CPU's identity, vector extensions and caches, oneDNN's
         * cap, PyTorch's thread counts). A fact that cannot be found out is "unknown".
         */
        public Builder collect() {
            MachineFacts.collect().forEach(fields::putIfAbsent);
            return this;
        }

        public Provenance build() {
            return new Provenance(fields);
        }
    }
}
