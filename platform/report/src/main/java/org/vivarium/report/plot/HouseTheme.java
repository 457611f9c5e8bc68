package org.vivarium.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The house look of every chart, set in one place: fonts, greys, white background, flat bars, the
 * {@link Palette} series colours, spines and grid. {@link #chart} wraps a plot in a chart with this look;
 * the chart classes only add what is particular to them.
 */
final class HouseTheme {
    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x555555);
    static final Color AXIS = new Color(0x666666);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color GRID_MINOR = new Color(0xF2F2F2);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);
    private static final StandardChartTheme THEME = theme();

    private HouseTheme() {
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("vivarium");
        t.setExtraLargeFont(TITLE);
        t.setLargeFont(LABEL);
        t.setRegularFont(TICK);
        t.setSmallFont(SMALL);
        t.setTitlePaint(TEXT);
        t.setSubtitlePaint(TEXT);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(AXIS);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setLegendItemPaint(TEXT);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(MUTED);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setBaselinePaint(AXIS);
        t.setItemLabelPaint(TEXT);
        t.setErrorIndicatorPaint(new Color(0x333333));
        // JFreeChart draws the axes before the grid: keep the spines one unit outside the data area, where no
        // grid line can cover them
        t.setAxisOffset(new RectangleInsets(1, 1, 1, 1));
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        t.setShadowVisible(false);
        Paint[] colors = new Paint[Palette.size()];
        for (int i = 0; i < colors.length; i++) {
            colors[i] = Palette.color(i);
        }
        t.setDrawingSupplier(new DefaultDrawingSupplier(colors, DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        return t;
    }

    /**
     * Wraps a plot in a chart with the house look: title, legend on the right (when {@code options} asks for
     * one), solid grid lines, left and bottom spines only.
     *
     * @param extra further subtitles, such as a colour bar, styled with the rest
     */
    static JFreeChart chart(Plot plot, ChartOptions options, int series, Title... extra) {
        JFreeChart chart = new JFreeChart(options.title().isEmpty() ? null : options.title(), TITLE, plot,
                options.showLegend(series));
        for (Title t : extra) {
            chart.addSubtitle(t);
        }
        // the chart classes set every series' paint and stroke; the theme must not reset them
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getRendererCount(); i++) {
                keepSeriesStyles(xy.getRenderer(i));
            }
        } else if (plot instanceof CategoryPlot cat) {
            for (int i = 0; i < cat.getRendererCount(); i++) {
                keepSeriesStyles(cat.getRenderer(i));
            }
        }
        THEME.apply(chart);
        chart.setPadding(new RectangleInsets(10, 10, 10, 14));
        chart.setTextAntiAlias(true);
        chart.setAntiAlias(true);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        if (chart.getTitle() != null) {
            chart.getTitle().setMargin(0, 0, 10, 0);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setVerticalAlignment(org.jfree.chart.ui.VerticalAlignment.TOP);
            legend.setFrame(new BlockBorder(new Color(0xCCCCCC)));
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 2));
            legend.setPadding(6, 8, 6, 8);
            legend.setMargin(0, 12, 0, 0);
        }
        plot.setOutlineVisible(false);
        Stroke grid = new BasicStroke(1f);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlineStroke(grid);
            xy.setRangeGridlineStroke(grid);
            xy.setRangeMinorGridlinePaint(GRID_MINOR);
            xy.setRangeMinorGridlineStroke(grid);
            spines(xy.getDomainAxis(), false);
            spines(xy.getRangeAxis(), true);
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlineStroke(grid);
            cat.setDomainGridlinesVisible(false);
            spines(cat.getDomainAxis(), false);
            spines(cat.getRangeAxis(), true);
        }
        return chart;
    }

    private static void keepSeriesStyles(Object renderer) {
        if (renderer instanceof AbstractRenderer r) {
            r.setAutoPopulateSeriesPaint(false);
            r.setAutoPopulateSeriesStroke(false);
        }
    }

    /**
     * Styles an axis line and its ticks. JFreeChart counts the tick label insets when it picks the tick step,
     * so they double as the least gap between labels: about 40 units between labels up a vertical axis
     * (as many ticks as fit in 40-unit steps), 20 between labels along a horizontal one.
     */
    private static void spines(Axis axis, boolean vertical) {
        axis.setTickLabelInsets(vertical ? new RectangleInsets(13, 4, 13, 4) : new RectangleInsets(2, 10, 2, 10));
        axis.setAxisLinePaint(AXIS);
        axis.setAxisLineStroke(new BasicStroke(1f));
        axis.setTickMarkPaint(AXIS);
        axis.setTickMarkOutsideLength(4);
        axis.setTickMarkInsideLength(0);
        axis.setLabelInsets(new RectangleInsets(6, 6, 6, 6));
    }

    /** Returns a legend swatch large enough to read: a 12 x 12 box. */
    static Shape box() {
        return new java.awt.geom.Rectangle2D.Double(-6, -6, 12, 12);
    }

    /** Returns the width of a text in logical units. */
    static double textWidth(String text, Font font) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    /** Returns the line height of a font in logical units. */
    static double lineHeight(Font font) {
        return font.getLineMetrics("Ag", FRC).getHeight();
    }

    /** Shortens a label to fit a width, ending it with an ellipsis. */
    static String fit(String text, Font font, double maxWidth) {
        if (textWidth(text, font) <= maxWidth) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && textWidth(s + "…", font) > maxWidth) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** Returns null for an empty axis label, which JFreeChart then leaves out. */
    static String label(String text) {
        return text.isEmpty() ? null : text;
    }
}
