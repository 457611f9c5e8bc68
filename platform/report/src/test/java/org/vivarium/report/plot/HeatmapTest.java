package org.vivarium.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class HeatmapTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngWithCellsColouredByValue() throws IOException {
        double[][] m = {{-1, 0}, {0, 1}};
        Path png = dir.resolve("h.png");
        Heatmap.builder().matrix(m).title("signs").size(500, 400).scale(2).build().write(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(800, img.getHeight());

        Rendered r = Heatmap.builder().matrix(m).showValues(false).build().draw();
        Rectangle2D a = r.area();
        Color topLeft = new Color(r.image().getRGB((int) (a.getX() + a.getWidth() / 4),
                (int) (a.getY() + a.getHeight() / 4)));
        Color bottomRight = new Color(r.image().getRGB((int) (a.getX() + 3 * a.getWidth() / 4),
                (int) (a.getY() + 3 * a.getHeight() / 4)));
        assertTrue(topLeft.getBlue() > topLeft.getRed(), "negative is blue on the diverging map: " + topLeft);
        assertTrue(bottomRight.getRed() > bottomRight.getBlue(), "positive is red: " + bottomRight);
    }

    @Test
    void smallMatricesGetValuesPrintedLargeOnesDoNot() {
        double[][] small = {{0.1, 0.9}, {0.5, 0.3}};
        Rendered withValues = Heatmap.builder().matrix(small).build().draw();
        Rendered without = Heatmap.builder().matrix(small).showValues(false).build().draw();
        assertTrue(differing(withValues.image(), without.image()) > 50, "values drawn in cells");

        double[][] big = new double[64][64];
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) {
                big[i][j] = Math.sin(i * 0.1) * Math.cos(j * 0.2);
            }
        }
        Rendered auto = Heatmap.builder().matrix(big).build().draw();
        Rendered off = Heatmap.builder().matrix(big).showValues(false).build().draw();
        assertEquals(0, differing(auto.image(), off.image()), "no values on a 64x64 matrix");
    }

    @Test
    void labelsAndNaNCellsRender() {
        double[][] att = {{1, Double.NaN, Double.NaN}, {0.3, 0.7, Double.NaN}, {0.2, 0.2, 0.6}};
        Rendered r = Heatmap.builder().matrix(att).rowLabels(List.of("The", "cat", "sat"))
                .columnLabels(List.of("The", "cat", "sat")).range(0, 1).colorMap(ColorMap.VIRIDIS)
                .colorBarLabel("attention").build().draw();
        assertTrue(Pixels.nonBackground(r.image(), r.area(), 1) > r.area().getWidth() * r.area().getHeight() * 0.9);
    }

    @Test
    void colourBarSpansTheCellsOnTheRight() {
        double[][] m = {{0.2, 0.4}, {0.6, 0.8}};
        Rendered r = Heatmap.builder().matrix(m).range(0, 1).colorMap(ColorMap.VIRIDIS).colorBarLabel("p").build()
                .draw();
        Rectangle2D a = r.area();
        Rectangle2D right = new Rectangle2D.Double(a.getMaxX() + 2, a.getY(), r.image().getWidth() - a.getMaxX() - 2,
                a.getHeight());
        assertTrue(Pixels.matching(r.image(), right, 1, ColorMap.VIRIDIS.at(0.98)) > 20, "yellow top of the bar");
        assertTrue(Pixels.matching(r.image(), right, 1, ColorMap.VIRIDIS.at(0.02)) > 20, "purple bottom of the bar");
        assertEquals(0, Pixels.matching(r.image(), a, 1, ColorMap.VIRIDIS.at(0.98)), "no cell is that bright");
    }

    @Test
    void cellsAreSquareWhenTheyCanBe() {
        Rendered r = Heatmap.builder().matrix(new double[5][7]).range(0, 1).size(800, 500).build().draw();
        assertEquals(r.area().getWidth() / 7, r.area().getHeight() / 5, 1.0, "square cells: " + r.area());
    }

    @Test
    void manyLongColumnLabelsStillLeaveRoomForTheCells() {
        double[][] m = new double[40][60];
        List<String> cols = new java.util.ArrayList<>();
        for (int k = 0; k < 60; k++) {
            cols.add("a long key token " + k);
            for (int q = 0; q < 40; q++) {
                m[q][k] = Math.cos(q * k * 0.01);
            }
        }
        Rendered r = Heatmap.builder().matrix(m).columnLabels(cols).xLabel("key").build().draw();
        assertTrue(r.area().getHeight() > 200, "vertical, shortened labels: " + r.area());
        assertTrue(Pixels.nonBackground(r.image(), r.area(), 1) > r.area().getWidth() * r.area().getHeight() * 0.95);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(VivariumException.class, () -> Heatmap.builder().build(), "no matrix");
        assertThrows(VivariumException.class, () -> Heatmap.builder().matrix(new double[0][0]));
        assertThrows(VivariumException.class, () -> Heatmap.builder().matrix(new double[][] {{1, 2}, {3}}));
        assertThrows(VivariumException.class,
                () -> Heatmap.builder().matrix(new double[][] {{Double.NaN}}));
        assertThrows(VivariumException.class,
                () -> Heatmap.builder().matrix(new double[][] {{1, 2}}).rowLabels(List.of("a", "b")).build());
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
