package org.vivarium.report.plot;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/** Draws a legend box inside the plot area, in the corner that hides the least data. */
final class Legend {
    /** How an entry's swatch is drawn. */
    enum Kind { LINE, DASHED_LINE, BOX }

    /** One legend row. */
    record Entry(String name, Color color, Kind kind) {
    }

    private static final double INSET = 8;
    private static final double PAD = 8;
    private static final double SWATCH = 20;

    private Legend() {
    }

    /** Draws the legend and returns where it went. */
    static Rectangle2D draw(ChartCanvas c, Rectangle2D area, List<Entry> entries) {
        double rowH = c.lineHeight(c.tickFont) + 5;
        double maxText = Math.min(240, area.getWidth() * 0.45);
        double textW = 0;
        for (Entry e : entries) {
            textW = Math.max(textW, c.textWidth(c.fit(e.name(), c.tickFont, maxText), c.tickFont));
        }
        double w = PAD + SWATCH + 6 + textW + PAD;
        double h = PAD + rowH * entries.size() + PAD - 5;
        Rectangle2D box = bestSpot(c, area, w, h);
        c.g.setColor(new Color(255, 255, 255, 230));
        RoundRectangle2D shape = new RoundRectangle2D.Double(box.getX(), box.getY(), w, h, 6, 6);
        c.g.fill(shape);
        c.stroke(1, new Color(0xCCCCCC));
        c.g.draw(shape);
        double y = box.getY() + PAD;
        for (Entry e : entries) {
            double cy = y + (rowH - 5) / 2;
            double sx = box.getX() + PAD;
            if (e.kind() != Kind.BOX) {
                if (e.kind() == Kind.LINE) {
                    c.stroke(2.5, e.color());
                } else {
                    c.dashed(2.5, e.color());
                }
                c.g.draw(new Line2D.Double(sx, cy, sx + SWATCH, cy));
            } else {
                c.g.setColor(e.color());
                c.g.fill(new Rectangle2D.Double(sx + 3, cy - 6, SWATCH - 6, 12));
            }
            c.text(c.fit(e.name(), c.tickFont, maxText), sx + SWATCH + 6, cy, 0, 0.5, c.tickFont, ChartCanvas.TEXT, 0);
            y += rowH;
        }
        return box;
    }

    private static Rectangle2D bestSpot(ChartCanvas c, Rectangle2D a, double w, double h) {
        double left = a.getX() + INSET;
        double right = a.getMaxX() - INSET - w;
        double midX = a.getCenterX() - w / 2;
        double top = a.getY() + INSET;
        double bottom = a.getMaxY() - INSET - h;
        double midY = a.getCenterY() - h / 2;
        double[][] spots = {
            {right, top}, {left, top}, {right, bottom}, {left, bottom}, {midX, top}, {right, midY}, {midX, bottom},
        };
        Rectangle2D best = null;
        int bestCount = Integer.MAX_VALUE;
        for (double[] s : spots) {
            Rectangle2D r = new Rectangle2D.Double(s[0], s[1], w, h);
            int n = c.changedPixels(r);
            if (n < bestCount) {
                best = r;
                bestCount = n;
            }
        }
        return best;
    }
}
