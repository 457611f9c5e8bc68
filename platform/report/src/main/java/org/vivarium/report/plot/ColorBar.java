package org.vivarium.report.plot;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** The vertical colour scale beside a {@link Heatmap}: a gradient strip with ticks and an optional title. */
final class ColorBar {
    private static final double GAP = 16;
    private static final double BAR = 14;
    private static final double TICK = 3;

    private final ColorMap map;
    private final Axis axis;
    private final String title;
    private final List<String> labels;

    ColorBar(ColorMap map, Axis axis, String title) {
        this.map = map;
        this.axis = axis;
        this.title = title;
        this.labels = axis.ticks.labels();
    }

    /** Returns the horizontal space the bar needs to the right of the plot area. */
    double width(ChartCanvas c) {
        double widest = 0;
        for (String s : labels) {
            widest = Math.max(widest, c.textWidth(s, c.tickFont));
        }
        return GAP + BAR + TICK + 3 + widest + (title.isEmpty() ? 0 : 8 + c.lineHeight(c.labelFont));
    }

    /** Draws the bar to the right of {@code area}, spanning its height. */
    void draw(ChartCanvas c, Rectangle2D area) {
        double x = area.getMaxX() + GAP;
        double top = area.getY();
        double h = area.getHeight();
        int strips = (int) Math.max(64, Math.ceil(h * c.options.scale()));
        c.g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (int i = 0; i < strips; i++) {
            double t = 1 - (i + 0.5) / strips;
            c.g.setColor(map.at(t));
            double y0 = top + h * i / strips;
            c.g.fill(new Rectangle2D.Double(x, y0, BAR, h / strips + 0.5));
        }
        c.g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        c.stroke(1, ChartCanvas.AXIS);
        c.g.draw(new Rectangle2D.Double(x, top, BAR, h));
        double[] v = axis.ticks.values();
        double widest = 0;
        for (int i = 0; i < v.length; i++) {
            if (!axis.shows(v[i])) {
                continue;
            }
            double y = top + h - axis.fraction(v[i]) * h;
            c.stroke(1, ChartCanvas.AXIS);
            c.g.draw(new Line2D.Double(x + BAR, y, x + BAR + TICK, y));
            c.text(labels.get(i), x + BAR + TICK + 3, y, 0, 0.5, c.tickFont, ChartCanvas.MUTED, 0);
            widest = Math.max(widest, c.textWidth(labels.get(i), c.tickFont));
        }
        if (!title.isEmpty()) {
            double tx = x + BAR + TICK + 3 + widest + 8;
            c.text(c.fit(title, c.labelFont, h), tx, top + h / 2, 0.5, 0, c.labelFont, ChartCanvas.TEXT, -90);
        }
    }

    /** Returns the colour for a value, light grey for NaN. */
    Color color(double v) {
        return Double.isFinite(v) ? map.at(axis.fraction(v)) : new Color(0xD9D9D9);
    }
}
