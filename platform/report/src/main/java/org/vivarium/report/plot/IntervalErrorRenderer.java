package org.vivarium.report.plot;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.StatisticalCategoryDataset;

/**
 * Bars with JFreeChart's symmetric error bars, plus error bars between given bounds for the series that have them
 * (drawn in the same style: a vertical line with 10-pixel caps at the bar's centre).
 */
final class IntervalErrorRenderer extends StatisticalBarRenderer {
    private static final long serialVersionUID = 1L;
    private static final double CAP = 5.0;

    private final Map<Integer, double[][]> bounds = new HashMap<>();

    /**
     * Gives a series error bars between bounds.
     *
     * @param row the series index
     * @param lower the bottom per category, or null for none
     * @param upper the top per category, or null for none
     */
    void interval(int row, double[] lower, double[] upper) {
        if (lower != null && upper != null) {
            bounds.put(row, new double[][] {lower, upper});
        }
    }

    @Override
    protected void drawVerticalItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
            CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis, StatisticalCategoryDataset dataset,
            int visibleRow, int row, int column) {
        super.drawVerticalItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, visibleRow, row, column);
        double[][] b = bounds.get(row);
        if (b == null || dataset.getMeanValue(row, column) == null || !Double.isFinite(b[0][column])
                || !Double.isFinite(b[1][column])) {
            return;
        }
        double x = calculateBarW0(plot, PlotOrientation.VERTICAL, dataArea, domainAxis, state, visibleRow, column)
                + state.getBarWidth() / 2.0;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double lo = rangeAxis.valueToJava2D(b[0][column], dataArea, edge);
        double hi = rangeAxis.valueToJava2D(b[1][column], dataArea, edge);
        g2.setPaint(getErrorIndicatorPaint());
        g2.setStroke(getErrorIndicatorStroke());
        g2.draw(new Line2D.Double(x, lo, x, hi));
        g2.draw(new Line2D.Double(x - CAP, hi, x + CAP, hi));
        g2.draw(new Line2D.Double(x - CAP, lo, x + CAP, lo));
    }
}
