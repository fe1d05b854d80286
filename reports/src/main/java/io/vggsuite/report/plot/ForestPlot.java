package io.vggsuite.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.Range;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A forest plot: one row per estimate, its interval as a bar and its point as a dot, coloured by
 * its category, beside a reference value (a hollow diamond), the zero line and, where a row has
 * one, a shaded band ±margin around zero. The row's label is on the left, its category in words
 * on the right, so colour is never the only carrier. Intervals reaching past ±limit are cut at
 * the edge and print their numbers, so one very wide row cannot squeeze all the others.
 */
public final class ForestPlot {

    /** A category of rows: its words (right of the row, and in the legend) and its colour. */
    public record Category(String name, Color colour) {}

    /**
     * One row. NaN where a number does not exist: no estimate draws no bar, no reference no
     * diamond, no margin no band.
     */
    public record Row(String label, double estimate, double low, double high, double reference, double margin,
            Category category, String verdict) {}

    private static final int WIDTH = 1100;
    private static final int ROW_HEIGHT = 30;
    private static final int FRAME_HEIGHT = 150;
    private static final Color MARGIN_FILL = new Color(0xE4E4E4);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ForestPlot() {}

    /**
     * @param legend the categories in legend order (those without a row are left out)
     * @param limit the axis reaches at most ±limit; longer intervals are cut and print their numbers
     */
    public static Plot draw(String title, String xLabel, String referenceName, String marginName, List<Row> rows,
            List<Category> legend, double limit) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(title + ": no rows");
        }
        Range x = axisRange(rows, limit);
        Map<Category, XYIntervalSeries> byCategory = new LinkedHashMap<>();
        XYSeries references = new XYSeries(referenceName, false, true);
        XYPlot plot = new XYPlot();
        // A point off the axis is not drawn at the edge, where it would read as a value.
        Set<List<Integer>> offAxis = new HashSet<>();
        XYErrorRenderer renderer = new XYErrorRenderer() {
            @Override
            public boolean getItemShapeVisible(int series, int item) {
                return !offAxis.contains(List.of(series, item));
            }
        };
        boolean anyMargin = false;
        List<XYBoxAnnotation> margins = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            // Row 0 at the top. Not an inverted axis: XYBoxAnnotation draws nothing on one.
            int i = rows.size() - 1 - r;
            if (!Double.isNaN(row.estimate())) {
                boolean wholly = row.low() > x.getUpperBound() || row.high() < x.getLowerBound();
                if (!wholly) {
                    XYIntervalSeries series = byCategory.computeIfAbsent(row.category(),
                            c -> new XYIntervalSeries(c.name(), false, true));
                    if (!x.contains(row.estimate())) {
                        offAxis.add(List.of(new ArrayList<>(byCategory.keySet()).indexOf(row.category()),
                                series.getItemCount()));
                    }
                    series.add(clamp(row.estimate(), x), clamp(row.low(), x), clamp(row.high(), x), i, i, i);
                }
                if (row.low() < x.getLowerBound() || row.high() > x.getUpperBound()) {
                    plot.addAnnotation(cutNote(row, i, x, wholly));
                }
            }
            if (!Double.isNaN(row.reference())) {
                references.add(row.reference(), i);
            }
            if (!Double.isNaN(row.margin())) {
                anyMargin = true;
                margins.add(new XYBoxAnnotation(-row.margin(), i - 0.4, row.margin(), i + 0.4, null, null,
                        MARGIN_FILL));
            }
        }
        XYIntervalSeriesCollection intervals = new XYIntervalSeriesCollection();
        List<Category> drawn = new ArrayList<>(byCategory.keySet());
        for (int s = 0; s < drawn.size(); s++) {
            intervals.addSeries(byCategory.get(drawn.get(s)));
            renderer.setSeriesPaint(s, drawn.get(s).colour());
            renderer.setSeriesShape(s, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        }
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setErrorStroke(new BasicStroke(3f));
        renderer.setCapLength(8);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);

        Shape diamond = ShapeUtils.createDiamond(6f);
        XYLineAndShapeRenderer referenceRenderer = new XYLineAndShapeRenderer(false, true);
        referenceRenderer.setSeriesShape(0, diamond);
        referenceRenderer.setSeriesShapesFilled(0, false);
        referenceRenderer.setSeriesPaint(0, Palette.BLACK);
        referenceRenderer.setUseOutlinePaint(true);
        referenceRenderer.setSeriesOutlinePaint(0, Palette.BLACK);
        referenceRenderer.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
        margins.forEach(m -> referenceRenderer.addAnnotation(m, Layer.BACKGROUND));

        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setRange(x);
        List<Row> bottomUp = new ArrayList<>(rows);
        Collections.reverse(bottomUp);
        String[] labels = bottomUp.stream().map(Row::label).toArray(String[]::new);
        String[] verdicts = bottomUp.stream().map(Row::verdict).toArray(String[]::new);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(0, symbols(labels, rows.size()));
        plot.setRangeAxis(1, symbols(verdicts, rows.size()));
        plot.setRangeAxisLocation(0, AxisLocation.BOTTOM_OR_LEFT);
        plot.setRangeAxisLocation(1, AxisLocation.TOP_OR_RIGHT);
        plot.setDataset(0, intervals);
        plot.setRenderer(0, renderer);
        plot.setDataset(1, new XYSeriesCollection(references));
        plot.setRenderer(1, referenceRenderer);
        plot.mapDatasetToRangeAxis(1, 0);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.addDomainMarker(new ValueMarker(0, Palette.BLACK, new BasicStroke(1f)));
        plot.setRangeGridlinesVisible(false);

        LegendItemCollection items = new LegendItemCollection();
        for (Category c : legend) {
            if (rows.stream().anyMatch(r -> r.category().equals(c))) {
                items.add(new LegendItem(c.name(), null, null, null, new Line2D.Double(-8, 0, 8, 0),
                        new BasicStroke(3f), c.colour()));
            }
        }
        items.add(new LegendItem(referenceName, null, null, null, true, diamond, false, Palette.BLACK, true,
                Palette.BLACK, new BasicStroke(1.5f), false, new Line2D.Double(), new BasicStroke(1f), Palette.BLACK));
        if (anyMargin) {
            items.add(new LegendItem(marginName, null, null, null, new Rectangle2D.Double(-8, -5, 16, 10),
                    MARGIN_FILL));
        }
        plot.setFixedLegendItems(items);

        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        LegendTitle legendTitle = new LegendTitle(plot);
        legendTitle.setPosition(RectangleEdge.TOP);
        legendTitle.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.addSubtitle(legendTitle);
        Charts.style(chart);
        int height = FRAME_HEIGHT + ROW_HEIGHT * rows.size();
        return Charts.render(WIDTH, height, g -> chart.draw(g, new Rectangle(0, 0, WIDTH, height)));
    }

    /**
     * The numbers of a row cut at the axis' edge: wholly off the axis, they stand on the row at the
     * edge, pointing the way; partly, just above the cut bar.
     */
    private static XYTextAnnotation cutNote(Row row, int i, Range x, boolean wholly) {
        boolean right = row.high() > x.getUpperBound();
        String numbers = String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", row.estimate(), row.low(), row.high());
        double inset = 0.01 * x.getLength();
        XYTextAnnotation note = new XYTextAnnotation(right ? numbers + " →" : "← " + numbers,
                right ? x.getUpperBound() - inset : x.getLowerBound() + inset, wholly ? i : i + 0.22);
        note.setTextAnchor(wholly ? (right ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT));
        note.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        note.setPaint(row.category().colour());
        return note;
    }

    private static double clamp(double value, Range x) {
        return Math.max(x.getLowerBound(), Math.min(value, x.getUpperBound()));
    }

    /** The rows' numbers and zero, each margin's band, all within ±limit, with room around them. */
    static Range axisRange(List<Row> rows, double limit) {
        double lo = 0;
        double hi = 0;
        for (Row r : rows) {
            for (double v : new double[] {r.estimate(), r.low(), r.high(), r.reference(), r.margin(), -r.margin()}) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, Math.max(v, -limit));
                    hi = Math.max(hi, Math.min(v, limit));
                }
            }
        }
        double pad = Math.max(0.25, 0.04 * (hi - lo));
        return new Range(lo - pad, hi + pad);
    }

    /** Row labels on a vertical axis, the last first (at the bottom). */
    private static SymbolAxis symbols(String[] labels, int rows) {
        SymbolAxis axis = new SymbolAxis(null, labels);
        axis.setRange(-0.6, rows - 0.4);
        axis.setAutoRange(false);
        axis.setGridBandsVisible(false);
        axis.setTickLabelFont(LABEL_FONT);
        axis.setTickMarksVisible(false);
        axis.setAxisLineVisible(false);
        return axis;
    }
}
