package io.vggsuite.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The report's three kinds of chart, drawn by JFreeChart in one consistent style. */
public final class Charts {

    /** A named line: x and y of equal length. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
            }
        }
    }

    /** One bar: its series (colour), its category (group on the axis) and its height. */
    public record Bar(String series, String category, double value) {}

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };

    private Charts() {}

    /** Lines with markers, e.g. validation error per epoch. NaN points are gaps. */
    public static Plot lines(String title, String xLabel, String yLabel, List<Series> series) {
        XYSeriesCollection data = collection(series);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        colour(renderer, series.size());
        plot.setRenderer(renderer);
        integerAxis((NumberAxis) plot.getDomainAxis());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return render(style(chart));
    }

    /**
     * Two sets of lines over one x axis with a y axis each: the paper's numbers on the left, ours on
     * the right, so shapes can be compared even where the levels differ.
     */
    public static Plot twoAxes(
            String title, String xLabel, String leftLabel, List<Series> left, String rightLabel, List<Series> right) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, leftLabel, collection(left));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer leftRenderer = new XYLineAndShapeRenderer(true, true);
        colour(leftRenderer, left.size());
        plot.setRenderer(0, leftRenderer);
        NumberAxis rightAxis = new NumberAxis(rightLabel);
        rightAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, rightAxis);
        plot.setDataset(1, collection(right));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer rightRenderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < right.size(); i++) {
            rightRenderer.setSeriesPaint(i, PALETTE[(left.size() + i) % PALETTE.length]);
            rightRenderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    1f, new float[] {6f, 4f}, 0f));
        }
        plot.setRenderer(1, rightRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        integerAxis((NumberAxis) plot.getDomainAxis());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return render(style(chart));
    }

    /** Grouped bars with their values printed on them. */
    public static Plot bars(String title, String categoryLabel, String valueLabel, List<Bar> bars) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        bars.forEach(b -> data.addValue(b.value(), b.series(), b.category()));
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("0.0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        return render(style(chart));
    }

    private static XYSeriesCollection collection(List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                xy.add(s.x()[i], Double.isNaN(s.y()[i]) ? null : s.y()[i]);
            }
            data.addSeries(xy);
        }
        return data;
    }

    private static void colour(XYLineAndShapeRenderer renderer, int count) {
        for (int i = 0; i < count; i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
    }

    private static void integerAxis(NumberAxis axis) {
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setAutoRangeIncludesZero(false);
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(Color.WHITE);
            xy.setDomainGridlinePaint(new Color(0xdddddd));
            xy.setRangeGridlinePaint(new Color(0xdddddd));
        }
        return chart;
    }

    private static Plot render(JFreeChart chart) {
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        // JFreeSVG names its clip paths after System.nanoTime() by default, so every regeneration
        // of an unchanged report rewrote every committed SVG. Each SVG is its own file (the HTML
        // embeds PNGs), so one fixed prefix cannot collide.
        svg.setDefsKeyPrefix("_vgg");
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        return new Plot(png.toByteArray(), svg.getSVGDocument());
    }
}
