package org.vivarium.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.vivarium.report.internal.AtomicFiles;

/**
 * The drawing surface of one chart: an anti-aliased RGB image in logical units (scaled by the chart
 * scale), with the house fonts and colours, text helpers and the PNG writer.
 */
final class ChartCanvas {
    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x555555);
    static final Color AXIS = new Color(0x666666);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color GRID_MINOR = new Color(0xF2F2F2);
    static final double PAD = 14;

    final ChartOptions options;
    final BufferedImage image;
    final Graphics2D g;
    final Font titleFont;
    final Font labelFont;
    final Font tickFont;
    final Font smallFont;
    private int[] baseline;

    ChartCanvas(ChartOptions options) {
        this.options = options;
        int w = (int) Math.round(options.width() * options.scale());
        int h = (int) Math.round(options.height() * options.scale());
        this.image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.scale(options.scale(), options.scale());
        this.titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        this.labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        this.tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        this.smallFont = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    }

    double width() {
        return options.width();
    }

    double height() {
        return options.height();
    }

    /** Returns the rendered width of a text in logical units. */
    double textWidth(String text, Font font) {
        return font.getStringBounds(text, g.getFontRenderContext()).getWidth();
    }

    /** Returns the line height (ascent + descent) of a font in logical units. */
    double lineHeight(Font font) {
        FontMetrics fm = g.getFontMetrics(font);
        return fm.getAscent() + fm.getDescent();
    }

    /**
     * Draws text anchored at (x, y); {@code ax}, {@code ay} in [0, 1] pick the anchor inside the text box
     * (0, 0 = top-left, 0.5, 0.5 = centre, 1, 1 = bottom-right), rotated by {@code degrees} around the anchor.
     */
    void text(String text, double x, double y, double ax, double ay, Font font, Color color, double degrees) {
        if (text.isEmpty()) {
            return;
        }
        FontMetrics fm = g.getFontMetrics(font);
        double w = textWidth(text, font);
        double h = fm.getAscent() + fm.getDescent();
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (degrees != 0) {
            g.rotate(Math.toRadians(degrees));
        }
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, (float) (-ax * w), (float) (-ay * h + fm.getAscent()));
        g.setTransform(saved);
    }

    /** Shortens a label to fit a width, ending it with an ellipsis. */
    String fit(String text, Font font, double maxWidth) {
        if (textWidth(text, font) <= maxWidth) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && textWidth(s + "…", font) > maxWidth) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** Draws the title centred at the top and returns the y where content may start. */
    double drawTitle() {
        String title = options.title();
        if (title.isEmpty()) {
            return PAD;
        }
        String t = fit(title, titleFont, width() - 2 * PAD);
        text(t, width() / 2, PAD, 0.5, 0, titleFont, TEXT, 0);
        return PAD + lineHeight(titleFont) + 10;
    }

    /** Sets a solid stroke of the given width and colour. */
    void stroke(double width, Color color) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(color);
    }

    /** Sets a dashed stroke of the given width and colour. */
    void dashed(double width, Color color) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        g.setColor(color);
    }

    /** Remembers the current pixels, so {@link #changedPixels} can count what was drawn afterwards. */
    void markBaseline() {
        baseline = ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
    }

    /** Counts pixels inside a logical rectangle that changed since {@link #markBaseline}. */
    int changedPixels(Rectangle2D r) {
        if (baseline == null) {
            return 0;
        }
        int[] now = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        double s = options.scale();
        int x0 = Math.max(0, (int) Math.floor(r.getMinX() * s));
        int y0 = Math.max(0, (int) Math.floor(r.getMinY() * s));
        int x1 = Math.min(image.getWidth(), (int) Math.ceil(r.getMaxX() * s));
        int y1 = Math.min(image.getHeight(), (int) Math.ceil(r.getMaxY() * s));
        int n = 0;
        for (int y = y0; y < y1; y++) {
            int row = y * image.getWidth();
            for (int x = x0; x < x1; x++) {
                if (now[row + x] != baseline[row + x]) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Finishes drawing and returns the image. */
    BufferedImage finish() {
        g.dispose();
        return image;
    }

    /** Writes an image as PNG atomically. */
    static void writePng(BufferedImage image, Path png) {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in this JVM");
            }
        }, "plot");
    }
}
