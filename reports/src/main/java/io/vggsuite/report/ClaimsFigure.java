package io.vggsuite.report;

import io.vggsuite.report.plot.ForestPlot;
import io.vggsuite.report.plot.ForestPlot.Category;
import io.vggsuite.report.plot.ForestPlot.Row;
import io.vggsuite.report.plot.Palette;
import io.vggsuite.report.plot.Plot;
import io.vggsuite.report.render.Document.Figure;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.Verdict;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claims in one picture, the first thing a reviewer of a reproduction looks at: each claim's
 * effect with its 95% interval, coloured and labelled by verdict, beside the paper's effect, the
 * zero line and, for an equivalence claim, its margin. Read from {@code claims.csv} like {@link
 * ClaimsTable}, whose note states the rule.
 */
final class ClaimsFigure {

    static final String FILE_STEM = "claims";

    /**
     * The axis reaches ±10 points at most. The paper's effects are all below 1.5 points; one
     * interval 30 points wide (B-5×5's centre crop at a small budget) would squeeze every other row
     * into a few pixels. A row cut at the edge prints its numbers.
     */
    static final double AXIS_LIMIT = 10;

    /** Verdicts as colours: agreeing green, opposing vermillion, undecided grey (Okabe–Ito, {@link Palette}). */
    private static final Map<Verdict, Category> CATEGORIES = categories();

    /** Where the margin of an equivalence claim is written: its kind, "equivalence (margin ±1.0)". */
    private static final Pattern MARGIN = Pattern.compile("margin ±([0-9]+(?:\\.[0-9]+)?)");

    private ClaimsFigure() {}

    /** The figure of {@code claims}, paper's and beyond in id order; empty without any claim. */
    static Optional<Figure> figure(List<ClaimRecord> claims) {
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = claims.stream().map(ClaimsFigure::row).toList();
        Plot plot = ForestPlot.draw("The claims: our effect and its 95% interval beside the paper's",
                "effect in points of top-1 error (positive: the claim holds)", "the paper's effect",
                "equivalence margin", rows, List.copyOf(CATEGORIES.values()), AXIS_LIMIT);
        return Optional.of(new Figure(FILE_STEM, "Each claim's effect in points of top-1 error, positive where the"
                + " claim holds (for equivalence: the second net's error minus the first's), with its 95% confidence"
                + " interval, coloured by our verdict (named on the right); hollow diamonds: the paper's effect;"
                + " grey band: an equivalence claim's margin. Intervals reaching past ±" + Formats.plain(AXIS_LIMIT)
                + " points are cut at the edge and print their numbers. The rule and each verdict's evidence are in"
                + " the claims table.", plot.png(), plot.svg()));
    }

    static Row row(ClaimRecord c) {
        String label = c.id() + (c.beyondThePaper() ? " (beyond)" : "") + "  " + shorten(c.claim());
        return new Row(label, c.effect(), c.low(), c.high(), c.paperEffect(), margin(c.kind()).orElse(Double.NaN),
                CATEGORIES.get(c.verdict()), ClaimsTable.verdict(c));
    }

    /** An equivalence claim's margin in points, from its kind; empty for other kinds. */
    static Optional<Double> margin(String kind) {
        Matcher m = MARGIN.matcher(kind);
        return kind.startsWith("equivalence") && m.find() ? Optional.of(Double.parseDouble(m.group(1)))
                : Optional.empty();
    }

    /** The claim's sentence cut to what fits left of the plot; the table has it whole. */
    static String shorten(String claim) {
        int max = 52;
        return claim.length() <= max ? claim : claim.substring(0, max - 1).stripTrailing() + "…";
    }

    private static Map<Verdict, Category> categories() {
        Map<Verdict, Category> map = new EnumMap<>(Verdict.class);
        map.put(Verdict.REPRODUCED, new Category(Verdict.REPRODUCED.label(), Palette.BLUISH_GREEN));
        map.put(Verdict.CONTRADICTED, new Category(Verdict.CONTRADICTED.label(), Palette.VERMILLION));
        map.put(Verdict.SMALLER_THAN_PAPER, new Category(Verdict.SMALLER_THAN_PAPER.label(), Palette.ORANGE));
        map.put(Verdict.INCONCLUSIVE, new Category(Verdict.INCONCLUSIVE.label(), Palette.GREY));
        map.put(Verdict.OUT_OF_SCOPE, new Category(Verdict.OUT_OF_SCOPE.label(), Palette.REDDISH_PURPLE));
        map.put(Verdict.NOT_RUN, new Category(Verdict.NOT_RUN.label(), Palette.LIGHT_GREY));
        if (!map.keySet().containsAll(Arrays.asList(Verdict.values()))) {
            throw new IllegalStateException("a verdict has no colour");
        }
        return map;
    }
}
