package org.vivarium.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class BarPlotTest {

    @TempDir
    Path dir;

    private static BarPlot.Builder accuracy() {
        return BarPlot.builder().title("probe accuracy").xLabel("layer").yLabel("accuracy")
                .categories("embed", "L0", "L1", "L2")
                .series("probe", new double[] {0.55, 0.7, 0.92, 0.88}, new double[] {0.02, 0.03, 0.01, 0.02})
                .series("control", new double[] {0.5, 0.52, 0.51, Double.NaN})
                .referenceLine(0.5, "chance");
    }

    @Test
    void writesGroupedBarsWithLegend() throws IOException {
        Path png = dir.resolve("acc.png");
        accuracy().size(600, 400).build().write(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
        Rendered r = accuracy().size(600, 400).build().draw();
        assertTrue(Pixels.matching(r.image(), r.area(), 1, Palette.color(0)) > 2000, "probe bars");
        assertTrue(Pixels.matching(r.image(), r.area(), 1, Palette.color(1)) > 2000, "control bars");
        assertNotNull(r.legend());
        assertTrue(Pixels.matching(r.image(), r.legend(), 1, Palette.color(1)) > 20, "legend box for control");
    }

    @Test
    void barHeightsFollowTheValues() {
        Rendered r = BarPlot.builder().categories("low", "high").series("v", new double[] {1, 4}).yRange(0, 4)
                .build().draw();
        Rectangle2D a = r.area();
        Rectangle2D left = new Rectangle2D.Double(a.getX(), a.getY(), a.getWidth() / 2, a.getHeight());
        Rectangle2D right = new Rectangle2D.Double(a.getCenterX(), a.getY(), a.getWidth() / 2, a.getHeight());
        Color c = Palette.color(0);
        double ratio = Pixels.matching(r.image(), right, 1, c) / (double) Pixels.matching(r.image(), left, 1, c);
        assertEquals(4, ratio, 0.25, "bar areas are proportional to the values");
    }

    @Test
    void manyLongCategoriesStillRender() {
        List<String> cats = new java.util.ArrayList<>();
        double[] v = new double[40];
        for (int i = 0; i < 40; i++) {
            cats.add("a rather long category label " + i);
            v[i] = Math.sin(i / 5.0);
        }
        Rendered r = BarPlot.builder().categories(cats).series("s", v).build().draw();
        assertTrue(r.area().getHeight() > 100, "rotated labels leave room for the plot: " + r.area());
        assertTrue(Pixels.nonBackground(r.image(), r.area(), 1) > 1000);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(VivariumException.class, () -> BarPlot.builder().series("s", new double[] {1}).build(),
                "no categories");
        assertThrows(VivariumException.class, () -> BarPlot.builder().categories("a").build(), "no series");
        assertThrows(VivariumException.class,
                () -> BarPlot.builder().categories("a", "b").series("s", new double[] {1}).build());
        assertThrows(VivariumException.class,
                () -> BarPlot.builder().series("s", new double[] {1, 2}, new double[] {1}));
        assertThrows(VivariumException.class,
                () -> BarPlot.builder().series("s", new double[] {1}, new double[] {-1}));
        assertThrows(VivariumException.class, () -> BarPlot.builder().series("s", new double[] {Double.NaN}));
        assertThrows(VivariumException.class, () -> BarPlot.builder().referenceLine(Double.NaN, "x"));
    }

    @Test
    void intervalErrorBarsSpanTheirBoundsNotTheValue() {
        Rendered r = BarPlot.builder().categories("a", "b").series("rate", new double[] {0.2, 0.9},
                new double[] {0.05, 0.6}, new double[] {0.7, 0.98}).yRange(0, 1).build().draw();
        Rectangle2D a = r.area();
        Color ink = new Color(0x333333);
        // in the left category, between 0.72 and 1 on the axis: nothing; between 0.3 and 0.68: the error line
        Rectangle2D above = new Rectangle2D.Double(a.getX(), a.getY(), a.getWidth() / 2, a.getHeight() * 0.28);
        Rectangle2D line = new Rectangle2D.Double(a.getX(), a.getY() + a.getHeight() * 0.32, a.getWidth() / 2,
                a.getHeight() * 0.38);
        assertEquals(0, Pixels.matching(r.image(), above, 1, ink), "no error bar above its upper bound");
        assertTrue(Pixels.matching(r.image(), line, 1, ink) > 20, "the error line above the bar");
        assertThrows(VivariumException.class, () -> BarPlot.builder().series("s", new double[] {0.5},
                new double[] {0.6}, new double[] {0.4}));
    }
}
