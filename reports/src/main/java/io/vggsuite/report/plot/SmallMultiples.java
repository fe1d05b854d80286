package io.vggsuite.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Panels of lines over one shared x range, each line with a shaded band for its spread and,
 * optionally, a dashed companion in its colour: learning curves (validation error, band the seed
 * range, training error dashed) and error against depth. Every panel has its own legend; no colour
 * repeats within a panel ({@link Palette#lines(int)}).
 */
public final class SmallMultiples {

    /** A line and the band around it. Arrays of equal length; a NaN y is left out. */
    public record Band(double[] x, double[] y, double[] low, double[] high) {
        public Band {
            if (x.length != y.length || x.length != low.length || x.length != high.length) {
                throw new IllegalArgumentException("band of " + x.length + " x, " + y.length + " y, " + low.length
                        + " low and " + high.length + " high values");
            }
        }

        /** A line without spread. */
        public static Band line(double[] x, double[] y) {
            return new Band(x, y, y, y);
        }

        DoubleStream values() {
            return DoubleStream.concat(Arrays.stream(low), Arrays.stream(high)).filter(Double::isFinite);
        }
    }

    /** One line of a panel, named in its legend: solid with its band, and an optional dashed companion. */
    public record Trace(String name, Band solid, Optional<Band> dashed) {}

    /** A vertical mark at {@code x}, labelled at its top (e.g. "lr ÷10"). */
    public record Marker(double x, String label) {}

    /** One panel: its title (may be empty), its traces in legend order, its vertical marks. */
    public record Panel(String title, List<Trace> traces, List<Marker> markers) {
        public Panel {
            traces = List.copyOf(traces);
            markers = List.copyOf(markers);
            Palette.lines(traces.size());
        }
    }

    /** How the panels' y axes relate. */
    public enum YAxes {
        /** Each panel fits its own data. */
        OWN,
        /** One range for all: levels compare across panels. */
        SAME_RANGE,
        /** Each centred on its own data but spanning the same number of units: slopes compare, levels need not. */
        SAME_SPAN
    }

    /**
     * What all panels share.
     *
     * @param title above the panels
     * @param dashedMeaning the legend entry for the dashed lines ("training error"); unused without any
     * @param columns panels per row
     * @param panelHeight in pixels
     * @param shapes whether each point is drawn as a dot (few points, e.g. four depths)
     * @param integerX whether the x axis ticks only whole numbers (epochs, layers)
     */
    public record Layout(String title, String xLabel, String yLabel, String dashedMeaning, int columns, int panelHeight,
            boolean shapes, boolean integerX, YAxes yAxes) {}

    private static final int WIDTH = 900;
    private static final int TITLE_HEIGHT = 34;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Stroke SOLID = new BasicStroke(2f);
    private static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {6f, 4f}, 0f);
    private static final Stroke MARKER = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {2f, 3f}, 0f);
    private static final Color MARKER_PAINT = new Color(0x555555);
    /** How strongly a band is shaded: light enough that the lines of other arms show through it. */
    private static final float BAND_ALPHA = 0.2f;

    private SmallMultiples() {}

    public static Plot draw(Layout layout, List<Panel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException(layout.title() + ": no panels");
        }
        int columns = Math.min(layout.columns(), panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int height = TITLE_HEIGHT + rows * layout.panelHeight();
        Range xData = range(panels.stream().flatMap(p -> bands(p).stream()).flatMapToDouble(b -> Arrays.stream(b.x())));
        Range x = padded(xData, Math.max(0.5, 0.03 * xData.getLength()));
        List<JFreeChart> charts = new ArrayList<>();
        for (Panel panel : panels) {
            charts.add(chart(layout, panel, x));
        }
        fitYAxes(layout.yAxes(), panels, charts);
        int panelWidth = WIDTH / columns;
        return Charts.render(WIDTH, height, g -> {
            g.setFont(TITLE_FONT);
            g.setPaint(Color.BLACK);
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(layout.title(), (WIDTH - metrics.stringWidth(layout.title())) / 2f,
                    (TITLE_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2f);
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle((i % columns) * panelWidth,
                        TITLE_HEIGHT + (i / columns) * layout.panelHeight(), panelWidth, layout.panelHeight()));
            }
        });
    }

    private static JFreeChart chart(Layout layout, Panel panel, Range xRange) {
        List<Color> colours = Palette.lines(panel.traces().size());
        YIntervalSeriesCollection solid = new YIntervalSeriesCollection();
        XYSeriesCollection dashed = new XYSeriesCollection();
        DeviationRenderer solidRenderer = new DeviationRenderer(true, layout.shapes());
        solidRenderer.setAlpha(BAND_ALPHA);
        XYLineAndShapeRenderer dashedRenderer = new XYLineAndShapeRenderer(true, false);
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < panel.traces().size(); i++) {
            Trace trace = panel.traces().get(i);
            Color colour = colours.get(i);
            solid.addSeries(intervals(trace.name(), trace.solid()));
            solidRenderer.setSeriesPaint(i, colour);
            solidRenderer.setSeriesFillPaint(i, colour);
            solidRenderer.setSeriesStroke(i, SOLID);
            legend.add(new LegendItem(trace.name(), null, null, null, new Line2D.Double(-9, 0, 9, 0), SOLID, colour));
            if (trace.dashed().isPresent()) {
                int d = dashed.getSeriesCount();
                dashed.addSeries(points(trace.name() + " (dashed)", trace.dashed().get()));
                dashedRenderer.setSeriesPaint(d, colour);
                dashedRenderer.setSeriesStroke(d, DASHED);
            }
        }
        if (dashed.getSeriesCount() > 0) {
            legend.add(new LegendItem(layout.dashedMeaning(), null, null, null, new Line2D.Double(-9, 0, 9, 0), DASHED,
                    MARKER_PAINT));
        }
        NumberAxis xAxis = new NumberAxis(layout.xLabel());
        if (layout.integerX()) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        xAxis.setRange(xRange);
        NumberAxis yAxis = new NumberAxis(layout.yLabel());
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(solid, xAxis, yAxis, solidRenderer);
        plot.setDataset(1, dashed);
        plot.setRenderer(1, dashedRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setFixedLegendItems(legend);
        for (Marker m : panel.markers()) {
            ValueMarker marker = new ValueMarker(m.x(), MARKER_PAINT, MARKER);
            marker.setLabel(m.label());
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            marker.setLabelPaint(MARKER_PAINT);
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker);
        }
        JFreeChart chart = new JFreeChart(panel.title(), new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
        LegendTitle legendTitle = new LegendTitle(plot);
        legendTitle.setPosition(RectangleEdge.BOTTOM);
        legendTitle.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.addSubtitle(legendTitle);
        Charts.style(chart);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        return chart;
    }

    private static void fitYAxes(YAxes mode, List<Panel> panels, List<JFreeChart> charts) {
        if (mode == YAxes.OWN) {
            return;
        }
        List<Range> own = panels.stream()
                .map(p -> range(bands(p).stream().flatMapToDouble(Band::values)))
                .toList();
        double span = own.stream().mapToDouble(Range::getLength).max().orElse(1);
        span = Math.max(span, 1e-9) * 1.1;
        Range all = own.stream().reduce(Range::combine).orElseThrow();
        for (int i = 0; i < charts.size(); i++) {
            Range r = mode == YAxes.SAME_RANGE ? padded(all, 0.05 * all.getLength())
                    : new Range(own.get(i).getCentralValue() - span / 2, own.get(i).getCentralValue() + span / 2);
            charts.get(i).getXYPlot().getRangeAxis().setRange(r);
        }
    }

    private static List<Band> bands(Panel panel) {
        List<Band> bands = new ArrayList<>();
        for (Trace t : panel.traces()) {
            bands.add(t.solid());
            t.dashed().ifPresent(bands::add);
        }
        return bands;
    }

    private static YIntervalSeries intervals(String name, Band band) {
        YIntervalSeries series = new YIntervalSeries(name, false, true);
        for (int i = 0; i < band.x().length; i++) {
            if (Double.isFinite(band.y()[i])) {
                series.add(band.x()[i], band.y()[i], band.low()[i], band.high()[i]);
            }
        }
        return series;
    }

    private static XYSeries points(String name, Band band) {
        XYSeries series = new XYSeries(name, false, true);
        for (int i = 0; i < band.x().length; i++) {
            if (Double.isFinite(band.y()[i])) {
                series.add(band.x()[i], band.y()[i]);
            }
        }
        return series;
    }

    private static Range range(DoubleStream values) {
        double[] v = values.filter(Double::isFinite).toArray();
        if (v.length == 0) {
            return new Range(0, 1);
        }
        return new Range(Arrays.stream(v).min().orElseThrow(), Arrays.stream(v).max().orElseThrow());
    }

    private static Range padded(Range range, double pad) {
        return new Range(range.getLowerBound() - pad, range.getUpperBound() + pad);
    }
}
