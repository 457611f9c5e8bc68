package org.vivarium.report.plot;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of a chart with a numeric y axis and either a numeric or a categorical x axis: it lays out the
 * plot area around the tick labels and axis titles, then draws the grid (under the data) and the axes
 * (over it).
 */
final class XYFrame {
    private static final double TICK = 4;
    private static final double MAX_CATEGORY_LABEL = 150;

    final ChartCanvas c;
    final Rectangle2D.Double area;
    final Axis y;
    final Axis x;
    private final List<String> categories;
    private final List<String> yLabels;
    private final List<String> xLabels;
    private final boolean rotated;
    private final int every;

    private XYFrame(ChartCanvas c, Rectangle2D.Double area, Axis y, Axis x, List<String> categories,
            boolean rotated, int every) {
        this.c = c;
        this.area = area;
        this.y = y;
        this.x = x;
        this.categories = categories;
        this.yLabels = y.ticks.labels();
        this.xLabels = x == null ? List.of() : x.ticks.labels();
        this.rotated = rotated;
        this.every = every;
    }

    /** Lays out a frame with a numeric x axis; draws the title. */
    static XYFrame numeric(ChartCanvas c, Extent xs, boolean logX, Extent ys, boolean logY, double yLo, double yHi) {
        return numeric(c, xs, logX, Double.NaN, Double.NaN, ys, logY, yLo, yHi);
    }

    /** Lays out a frame with a numeric x axis spanning {@code [xLo, xHi]} (NaN to fit); draws the title. */
    static XYFrame numeric(ChartCanvas c, Extent xs, boolean logX, double xLo, double xHi, Extent ys, boolean logY,
            double yLo, double yHi) {
        double top = c.drawTitle();
        double xTitle = titleSpace(c, c.options.xLabel());
        double bottom = c.height() - ChartCanvas.PAD - xTitle - c.lineHeight(c.tickFont) - TICK - 4;
        Axis y = fitY(c, ys, logY, yLo, yHi, bottom - top);
        double left = leftEdge(c, y);
        double right = c.width() - ChartCanvas.PAD;
        Axis x = null;
        for (int n = Math.max(3, (int) ((right - left) / 70) + 1); n >= 2; n--) {
            x = Axis.fit(xs, logX, n, xLo, xHi);
            double widest = widest(c, x.ticks.labels());
            int count = x.ticks.values().length;
            if ((widest + 16) * (count - 1) <= right - left || n == 2) {
                break;
            }
        }
        List<String> labels = visibleLabels(x);
        if (!labels.isEmpty()) {
            double lastHalf = c.textWidth(labels.get(labels.size() - 1), c.tickFont) / 2;
            right = Math.min(right, c.width() - 4 - lastHalf);
            left = Math.max(left, 4 + c.textWidth(labels.get(0), c.tickFont) / 2);
        }
        return new XYFrame(c, new Rectangle2D.Double(left, top, right - left, bottom - top), y, x, null, false, 1);
    }

    /**
     * Lays out a frame with one slot per category on the x axis, keeping {@code rightReserve} free to the
     * right of the plot area; draws the title.
     */
    static XYFrame categorical(ChartCanvas c, List<String> categories, Extent ys, double yLo, double yHi,
            double rightReserve) {
        double top = c.drawTitle();
        double xTitle = titleSpace(c, c.options.xLabel());
        double tickH = c.lineHeight(c.tickFont);
        double bottom = c.height() - ChartCanvas.PAD - xTitle - tickH - TICK - 4;
        Axis y = fitY(c, ys, false, yLo, yHi, bottom - top);
        double left = leftEdge(c, y);
        double right = c.width() - ChartCanvas.PAD - rightReserve;
        double slot = (right - left) / categories.size();
        List<String> fitted = new ArrayList<>();
        for (String s : categories) {
            fitted.add(c.fit(s, c.tickFont, MAX_CATEGORY_LABEL));
        }
        double widest = widest(c, fitted);
        boolean rotated = widest + 8 > slot;
        int every = 1;
        if (rotated) {
            double diag = Math.sqrt(0.5);
            every = (int) Math.ceil(tickH * 1.3 / (slot * diag * 2));
            every = Math.max(1, every);
            bottom = c.height() - ChartCanvas.PAD - xTitle - widest * diag - tickH * diag - TICK - 4;
            left = Math.max(left, ChartCanvas.PAD + widest * diag - slot / 2);
            y = fitY(c, ys, false, yLo, yHi, bottom - top);
            left = Math.max(left, leftEdge(c, y));
        }
        return new XYFrame(c, new Rectangle2D.Double(left, top, right - left, bottom - top), y, null, fitted,
                rotated, every);
    }

    private static List<String> visibleLabels(Axis a) {
        List<String> out = new ArrayList<>();
        double[] v = a.ticks.values();
        List<String> all = a.ticks.labels();
        for (int i = 0; i < v.length; i++) {
            if (a.shows(v[i])) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    private static Axis fitY(ChartCanvas c, Extent ys, boolean log, double lo, double hi, double length) {
        return Axis.fit(ys, log, Math.max(3, (int) (length / 45) + 1), lo, hi);
    }

    private static double leftEdge(ChartCanvas c, Axis y) {
        return ChartCanvas.PAD + titleSpace(c, c.options.yLabel()) + widest(c, y.ticks.labels()) + TICK + 6;
    }

    private static double titleSpace(ChartCanvas c, String label) {
        return label.isEmpty() ? 0 : c.lineHeight(c.labelFont) + 6;
    }

    private static double widest(ChartCanvas c, List<String> labels) {
        double w = 0;
        for (String s : labels) {
            w = Math.max(w, c.textWidth(s, c.tickFont));
        }
        return w;
    }

    /** Returns the pixel column of an x value (numeric axis). */
    double px(double v) {
        return area.x + x.fraction(v) * area.width;
    }

    /** Returns the pixel row of a y value. */
    double py(double v) {
        return area.y + area.height - y.fraction(v) * area.height;
    }

    /** Returns the width of one category slot (categorical axis). */
    double slot() {
        return area.width / categories.size();
    }

    /** Draws the grid lines; call before drawing data. */
    void drawGrid() {
        c.stroke(1, ChartCanvas.GRID_MINOR);
        for (double v : y.ticks.minor()) {
            if (y.shows(v)) {
                c.g.draw(new Line2D.Double(area.x, py(v), area.getMaxX(), py(v)));
            }
        }
        if (x != null) {
            for (double v : x.ticks.minor()) {
                c.g.draw(new Line2D.Double(px(v), area.y, px(v), area.getMaxY()));
            }
        }
        c.stroke(1, ChartCanvas.GRID);
        for (double v : y.ticks.values()) {
            if (y.shows(v)) {
                c.g.draw(new Line2D.Double(area.x, py(v), area.getMaxX(), py(v)));
            }
        }
        if (x != null) {
            for (double v : x.ticks.values()) {
                if (x.shows(v)) {
                    c.g.draw(new Line2D.Double(px(v), area.y, px(v), area.getMaxY()));
                }
            }
        }
    }

    /** Draws spines, ticks, tick labels and axis titles; call after drawing data. */
    void drawAxes() {
        c.stroke(1, ChartCanvas.AXIS);
        c.g.draw(new Line2D.Double(area.x, area.y, area.x, area.getMaxY()));
        c.g.draw(new Line2D.Double(area.x, area.getMaxY(), area.getMaxX(), area.getMaxY()));
        double[] yv = y.ticks.values();
        for (int i = 0; i < yv.length; i++) {
            if (y.shows(yv[i])) {
                double py = py(yv[i]);
                c.stroke(1, ChartCanvas.AXIS);
                c.g.draw(new Line2D.Double(area.x - TICK, py, area.x, py));
                c.text(yLabels.get(i), area.x - TICK - 3, py, 1, 0.5, c.tickFont, ChartCanvas.MUTED, 0);
            }
        }
        double labelTop = area.getMaxY() + TICK + 3;
        if (x != null) {
            double[] xv = x.ticks.values();
            for (int i = 0; i < xv.length; i++) {
                if (!x.shows(xv[i])) {
                    continue;
                }
                double px = px(xv[i]);
                c.stroke(1, ChartCanvas.AXIS);
                c.g.draw(new Line2D.Double(px, area.getMaxY(), px, area.getMaxY() + TICK));
                c.text(xLabels.get(i), px, labelTop, 0.5, 0, c.tickFont, ChartCanvas.MUTED, 0);
            }
        } else {
            for (int i = 0; i < categories.size(); i++) {
                double cx = area.x + (i + 0.5) * slot();
                c.stroke(1, ChartCanvas.AXIS);
                c.g.draw(new Line2D.Double(cx, area.getMaxY(), cx, area.getMaxY() + TICK));
                if (i % every != 0) {
                    continue;
                }
                if (rotated) {
                    c.text(categories.get(i), cx + 3, labelTop, 1, 0.5, c.tickFont, ChartCanvas.MUTED, -45);
                } else {
                    c.text(categories.get(i), cx, labelTop, 0.5, 0, c.tickFont, ChartCanvas.MUTED, 0);
                }
            }
        }
        drawTitles();
    }

    private void drawTitles() {
        String xl = c.options.xLabel();
        String yl = c.options.yLabel();
        if (!xl.isEmpty()) {
            c.text(c.fit(xl, c.labelFont, area.width), area.getCenterX(), c.height() - ChartCanvas.PAD, 0.5, 1,
                    c.labelFont, ChartCanvas.TEXT, 0);
        }
        if (!yl.isEmpty()) {
            c.text(c.fit(yl, c.labelFont, area.height), ChartCanvas.PAD, area.getCenterY(), 0.5, 0, c.labelFont,
                    ChartCanvas.TEXT, -90);
        }
    }
}
