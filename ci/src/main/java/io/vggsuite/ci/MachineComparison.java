package io.vggsuite.ci;

import io.vggsuite.results.Provenance;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The machine facts ({@link ProvenanceKeys#MACHINE}) of the baseline and of the run checked against
 * it, side by side: what the regression check prints after a number left its band, since a
 * different CPU, vector extension, oneDNN cap or thread count can explain a difference that no
 * code change made.
 */
public record MachineComparison(List<Fact> facts) {

    /** What a side shows for a fact it has no record of (a baseline written before the fact was recorded). */
    static final String NOT_RECORDED = "not recorded";

    /** One fact: its key, the baseline's value and this run's. */
    public record Fact(String key, String baseline, String run) {

        /** Both sides know the fact and it differs; "unknown" or unrecorded on either side differs from nothing. */
        public boolean differs() {
            return known(baseline) && known(run) && !baseline.equals(run);
        }

        private static boolean known(String value) {
            return !value.equals(NOT_RECORDED) && !value.equals(ProvenanceKeys.UNKNOWN);
        }
    }

    public MachineComparison {
        facts = List.copyOf(facts);
    }

    /** The baseline's facts from its sidecar properties, this run's from its {@code run.properties}. */
    public static MachineComparison of(Properties baseline, Optional<Provenance> run) {
        return new MachineComparison(ProvenanceKeys.MACHINE.stream()
                .map(key -> new Fact(key, baseline.getProperty(key, NOT_RECORDED),
                        run.flatMap(p -> p.get(key)).orElse(NOT_RECORDED)))
                .toList());
    }

    /** The baseline against the first run of a results folder (the run whose facts a baseline from it records). */
    public static MachineComparison of(Baseline baseline, Path results) {
        return of(baseline.provenance(), firstRun(results));
    }

    /** The provenance of the first run in {@code results} that has one. */
    static Optional<Provenance> firstRun(Path results) {
        return ResultsRoot.at(results).runs().stream().map(RunFolder::provenance).flatMap(Optional::stream)
                .findFirst();
    }

    /** The facts that differ, in {@link ProvenanceKeys#MACHINE} order. */
    public List<Fact> differing() {
        return facts.stream().filter(Fact::differs).toList();
    }

    /**
     * Three left-aligned columns, machine fact | baseline | this run, a fact that differs marked at
     * the end of its line, and a last line naming the facts that differ.
     */
    public String table() {
        int keyWidth = width("machine fact", facts.stream().map(Fact::key).toList());
        int baselineWidth = width("baseline", facts.stream().map(Fact::baseline).toList());
        String format = "%-" + keyWidth + "s | %-" + baselineWidth + "s | %s%s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "machine fact", "baseline", "this run", ""));
        for (Fact fact : facts) {
            out.append(String.format(Locale.ROOT, format, fact.key(), fact.baseline(), fact.run(),
                    fact.differs() ? "   <- differs" : ""));
        }
        List<String> differing = differing().stream().map(Fact::key).toList();
        out.append(differing.isEmpty()
                ? "no recorded machine fact differs"
                : "machine facts that differ: " + String.join(", ", differing)).append(System.lineSeparator());
        return out.toString();
    }

    private static int width(String header, List<String> values) {
        return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }
}
