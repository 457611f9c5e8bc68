package org.vivarium.report.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.TitleEntity;
import org.jfree.chart.title.LegendTitle;
import org.vivarium.report.internal.AtomicFiles;

/** Draws a JFreeChart at the chart's logical size and pixel scale, and writes PNG files atomically. */
final class ChartImages {
    private ChartImages() {
    }

    /**
     * Draws a chart onto an RGB image of (width x scale) by (height x scale) pixels.
     *
     * @return the image plus the data area and legend bounds, in logical units
     */
    static Rendered draw(JFreeChart chart, ChartOptions o) {
        int w = (int) Math.round(o.width() * o.scale());
        int h = (int) Math.round(o.height() * o.scale());
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(o.scale(), o.scale());
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, o.width(), o.height()), info);
            return new Rendered(image, info.getPlotInfo().getDataArea().getBounds2D(), legend(info));
        } finally {
            g.dispose();
        }
    }

    /**
     * Lays a chart out without keeping the pixels, for charts that size their parts from the result.
     *
     * @return the layout: data area ({@code getPlotInfo().getDataArea()}) and plot area, in logical units
     */
    static ChartRenderingInfo measure(JFreeChart chart, ChartOptions o) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            g.scale(o.scale(), o.scale()); // text measures depend on the transform, so lay out as draw() will
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, o.width(), o.height()), info);
            return info;
        } finally {
            g.dispose();
        }
    }

    /** Writes an image as a PNG, atomically (temporary file, then rename). */
    static void write(BufferedImage image, Path png) {
        AtomicFiles.write(png, out -> ChartUtils.writeBufferedImageAsPNG(out, image), "plot");
    }

    /** Returns the legend's frame (its area less its margin), or null when no legend was drawn. */
    private static Rectangle2D legend(ChartRenderingInfo info) {
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof TitleEntity e && e.getTitle() instanceof LegendTitle legend) {
                return legend.getMargin().createInsetRectangle(e.getArea().getBounds2D());
            }
        }
        return null;
    }
}
