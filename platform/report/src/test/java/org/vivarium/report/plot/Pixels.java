package org.vivarium.report.plot;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Pixel queries on rendered charts; rectangles are in logical units and scaled to pixels. */
final class Pixels {
    private Pixels() {
    }

    /** Counts pixels in {@code r} that are not pure white. */
    static int nonBackground(BufferedImage img, Rectangle2D r, double scale) {
        int n = 0;
        for (int[] p : region(img, r, scale)) {
            if ((img.getRGB(p[0], p[1]) & 0xFFFFFF) != 0xFFFFFF) {
                n++;
            }
        }
        return n;
    }

    /** Counts pixels in {@code r} within a small distance of {@code color}. */
    static int matching(BufferedImage img, Rectangle2D r, double scale, Color color) {
        int n = 0;
        for (int[] p : region(img, r, scale)) {
            Color c = new Color(img.getRGB(p[0], p[1]));
            int d = Math.abs(c.getRed() - color.getRed()) + Math.abs(c.getGreen() - color.getGreen())
                    + Math.abs(c.getBlue() - color.getBlue());
            if (d <= 12) {
                n++;
            }
        }
        return n;
    }

    private static Iterable<int[]> region(BufferedImage img, Rectangle2D r, double scale) {
        int x0 = Math.max(0, (int) Math.ceil(r.getMinX() * scale));
        int y0 = Math.max(0, (int) Math.ceil(r.getMinY() * scale));
        int x1 = Math.min(img.getWidth(), (int) Math.floor(r.getMaxX() * scale));
        int y1 = Math.min(img.getHeight(), (int) Math.floor(r.getMaxY() * scale));
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                out.add(new int[] {x, y});
            }
        }
        return out;
    }
}
