package io.vggsuite.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Compares measured metrics with a baseline: a number outside its band or a metric the baseline
 * has and the results lack fails; a metric only the results have is a note.
 */
public final class RegressionCheck {

    /** One line of the check's table. */
    public record Line(String metric, String baseline, String band, String measured, Status status) {}

    public enum Status {
        OK("ok"), OUT_OF_BAND("OUT OF BAND"), MISSING("MISSING"), NEW("new (note)");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The table and whether the build should fail. */
    public record Outcome(List<Line> lines, Baseline.Band band) {

        public List<Line> failures() {
            return lines.stream()
                    .filter(l -> l.status() == Status.OUT_OF_BAND || l.status() == Status.MISSING)
                    .toList();
        }

        public boolean passed() {
            return failures().isEmpty();
        }

        /** A fixed-width table: metric, baseline, band, measured, status. */
        public String table() {
            int width = Math.max(6, lines.stream().mapToInt(l -> l.metric().length()).max().orElse(6));
            StringBuilder out = new StringBuilder();
            String format = "%-" + width + "s  %10s  %-24s  %10s  %s%n";
            out.append(String.format(Locale.ROOT, format, "metric", "baseline",
                    band == Baseline.Band.SAME_MACHINE ? "band (same machine)" : "band (cross-machine)",
                    "measured", "status"));
            for (Line l : lines) {
                out.append(String.format(Locale.ROOT, format, l.metric(), l.baseline(), l.band(), l.measured(),
                        l.status()));
            }
            out.append(summary()).append(System.lineSeparator());
            return out.toString();
        }

        /**
         * {@link #table()}, followed, when the check failed, by both sides' machine facts: a
         * different CPU or oneDNN cap may explain a number outside its band.
         */
        public String table(MachineComparison machines) {
            return passed() ? table() : table() + System.lineSeparator() + machines.table();
        }

        /** What a failed check says: each failure with its band, then both sides' machine facts. */
        public String failureMessage(MachineComparison machines) {
            StringBuilder out = new StringBuilder("accuracy moved outside the baseline band:")
                    .append(System.lineSeparator());
            for (Line l : failures()) {
                out.append("  ").append(l.metric()).append(": measured ").append(l.measured()).append(", band ")
                        .append(l.band()).append(" (").append(l.status()).append(')').append(System.lineSeparator());
            }
            return out.append(System.lineSeparator()).append(machines.table()).toString();
        }

        /** One line of counts: within band, out of band, missing, new. */
        public String summary() {
            return String.format(Locale.ROOT, "%d within band, %d out of band, %d missing, %d new",
                    count(Status.OK), count(Status.OUT_OF_BAND), count(Status.MISSING), count(Status.NEW));
        }

        private long count(Status status) {
            return lines.stream().filter(l -> l.status() == status).count();
        }
    }

    private RegressionCheck() {}

    public static Outcome compare(Baseline baseline, Map<String, Double> measured, Baseline.Band band) {
        List<Line> lines = new ArrayList<>();
        SortedMap<String, Baseline.Row> rows = baseline.rows();
        for (Map.Entry<String, Baseline.Row> entry : rows.entrySet()) {
            Baseline.Row row = entry.getValue();
            Double value = measured.get(entry.getKey());
            if (value == null) {
                lines.add(new Line(entry.getKey(), fmt(row.value()), row.describe(band), "—", Status.MISSING));
            } else {
                lines.add(new Line(entry.getKey(), fmt(row.value()), row.describe(band), fmt(value),
                        row.within(value, band) ? Status.OK : Status.OUT_OF_BAND));
            }
        }
        for (Map.Entry<String, Double> entry : measured.entrySet()) {
            if (!rows.containsKey(entry.getKey())) {
                lines.add(new Line(entry.getKey(), "—", "—", fmt(entry.getValue()), Status.NEW));
            }
        }
        return new Outcome(lines, band);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
