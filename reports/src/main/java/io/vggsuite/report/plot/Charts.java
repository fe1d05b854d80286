package io.vggsuite.report.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Grouped bars, and what every chart of the report shares: its style and how it is rendered to
 * PNG and SVG. The other kinds have their own class ({@link SmallMultiples}, {@link ForestPlot}).
 */
public final class Charts {

    /** One bar: its series (colour), its category (group on the axis) and its height. */
    public record Bar(String series, String category, double value) {}

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private Charts() {}

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
            renderer.setSeriesPaint(i, Palette.cyclic(i));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        return render(style(chart));
    }

    /** The report's look: white background, light grid, a bold title. */
    static JFreeChart style(JFreeChart chart) {
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
        return render(WIDTH, HEIGHT, g -> chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT)));
    }

    /**
     * Paints one picture twice, into a PNG and into an SVG of {@code width × height}, on white.
     * Every chart of the report goes through here, so all are drawn alike and deterministically.
     */
    static Plot render(int width, int height, Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, width, height);
        painter.accept(g);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        // JFreeSVG names its clip paths after System.nanoTime() by default, so every regeneration
        // of an unchanged report rewrote every committed SVG. Each SVG is its own file (the HTML
        // embeds PNGs), so one fixed prefix cannot collide.
        svg.setDefsKeyPrefix("_vgg");
        svg.setPaint(Color.WHITE);
        svg.fill(new Rectangle(0, 0, width, height));
        painter.accept(svg);
        return new Plot(png.toByteArray(), svg.getSVGDocument());
    }
}
