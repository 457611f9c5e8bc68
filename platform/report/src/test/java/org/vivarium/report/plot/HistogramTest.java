package org.vivarium.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class HistogramTest {

    @TempDir
    Path dir;

    @Test
    void countsIntoEqualBinsIncludingTheRightEdge() {
        long[] c = Histogram.count(new double[] {0, 0.5, 1, 1.5, 2, Double.NaN, 3}, 2, 0, 2);
        assertArrayEquals(new long[] {2, 3}, c);
    }

    @Test
    void writesOverlaidHistogramsWithLegend() throws IOException {
        Random rnd = new Random(3);
        double[] a = new double[5000];
        float[] b = new float[5000];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
            b[i] = (float) (rnd.nextGaussian() * 0.5 + 2);
        }
        Path png = dir.resolve("acts.png");
        Histogram.builder().series("pre", a).series("post", b).bins(50).build().write(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        Rendered r = Histogram.builder().series("pre", a).series("post", b).bins(50).build().draw();
        assertNotNull(r.legend());
        assertTrue(Pixels.matching(r.image(), r.legend(), 1, Palette.color(0)) > 20);
        assertTrue(Pixels.matching(r.image(), r.legend(), 1, Palette.color(1)) > 20);
        assertTrue(Pixels.nonBackground(r.image(), r.area(), 1) > 10_000);
    }

    @Test
    void constantDataAndLogCountsRender() {
        Rendered r = Histogram.builder().series("c", new double[] {3, 3, 3}).logY(true).build().draw();
        assertTrue(Pixels.matching(r.image(), r.area(), 1, Palette.color(0)) > 0);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(VivariumException.class, () -> Histogram.builder().build());
        assertThrows(VivariumException.class, () -> Histogram.builder().series("x", new double[0]));
        assertThrows(VivariumException.class,
                () -> Histogram.builder().series("x", new double[] {Double.NaN, Double.POSITIVE_INFINITY}));
        assertThrows(VivariumException.class, () -> Histogram.builder().bins(0));
        assertThrows(VivariumException.class, () -> Histogram.builder().range(1, 1));
    }
}
