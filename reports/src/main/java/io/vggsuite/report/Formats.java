package io.vggsuite.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How numbers are printed: errors to one decimal as in the paper, everything else plainly. */
final class Formats {

    /** What a cell says when the number does not exist; never 0. */
    static final String NOT_RUN = "not run";
    static final String DIVERGED = "diverged";
    static final String NOT_MEASURED = "—";

    private Formats() {}

    /** One decimal, as the paper prints errors: 27.349 → "27.3". */
    static String error(double percent) {
        return String.format(Locale.ROOT, "%.1f", percent);
    }

    /** "27.3" for one value, "27.3 ± 0.4 (n=3)" for several (sample standard deviation). */
    static String meanStd(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (values.size() == 1) {
            return error(mean);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double std = Math.sqrt(squares / (values.size() - 1));
        return error(mean) + " ± " + error(std) + " (n=" + values.size() + ")";
    }

    /** Test scales the way the paper prints them: "224,256,288". */
    static String scales(List<Integer> scales) {
        return scales.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** A number without a trailing ".0": 0.25 → "0.25", 1.0 → "1". */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Effect sizes (percentage points) to two decimals with a sign. */
    static String effect(double value) {
        return Double.isNaN(value) ? NOT_MEASURED : String.format(Locale.ROOT, "%+.2f", value);
    }

    /** p-values to two significant figures; tiny ones as a bound. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return NOT_MEASURED;
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.2g", p);
    }
}
