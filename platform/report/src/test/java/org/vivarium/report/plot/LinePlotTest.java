package org.vivarium.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class LinePlotTest {

    @TempDir
    Path dir;

    private static double[] noisyLoss(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 2 + 5 * Math.exp(-i / 80.0) + 0.3 * Math.sin(i * 1.7);
        }
        return y;
    }

    private static LinePlot.Builder twoSeries() {
        return LinePlot.builder().title("loss").xLabel("step").yLabel("loss")
                .series("train", noisyLoss(400))
                .series("val", new double[] {0, 100, 200, 300}, new double[] {6.5, 3.4, 2.6, 2.3});
    }

    @Test
    void writesAPngOfTheRequestedSizeWithDataAndLegend() throws IOException {
        Path png = dir.resolve("loss.png");
        twoSeries().size(640, 400).build().write(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "valid PNG");
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left");
        }
        Rendered r = twoSeries().size(640, 400).build().draw();
        assertTrue(Pixels.matching(r.image(), r.area(), 1, Palette.color(0)) > 200, "train line drawn");
        assertNotNull(r.legend());
        assertFalse(r.area().intersects(r.legend()), "legend beside the plot area, never over the data");
        assertTrue(Pixels.matching(r.image(), r.legend(), 1, Palette.color(0)) > 10, "legend swatch for series 0");
        assertTrue(Pixels.matching(r.image(), r.legend(), 1, Palette.color(1)) > 10, "legend swatch for series 1");
    }

    @Test
    void scaleTwoDoublesThePixels() {
        BufferedImage img = twoSeries().size(500, 300).scale(2).build().render();
        assertEquals(1000, img.getWidth());
        assertEquals(600, img.getHeight());
    }

    @Test
    void legendNeverCoversTheData() {
        double[] rising = new double[100];
        for (int i = 0; i < rising.length; i++) {
            rising[i] = i;
        }
        Rendered r = LinePlot.builder().series("a", rising).series("b", rising.clone()).build().draw();
        assertTrue(r.legend().getMinX() >= r.area().getMaxX(), "legend right of the plot area: " + r.legend());
        assertTrue(r.legend().getMinY() <= r.area().getCenterY(), "and level with its top: " + r.legend());
    }

    @Test
    void singleSeriesHasNoLegendUnlessAsked() {
        assertNull(LinePlot.builder().series("only", noisyLoss(50)).build().draw().legend());
        assertNotNull(LinePlot.builder().series("only", noisyLoss(50)).legend(true).build().draw().legend());
    }

    @Test
    void logYAndSmoothingRenderAndSkipNonPositiveValues() {
        double[] y = noisyLoss(300);
        y[10] = 0;
        y[11] = Double.NaN;
        Rendered r = LinePlot.builder().series("train", y).logY(true).smoothing(0.9).build().draw();
        assertTrue(Pixels.matching(r.image(), r.area(), 1, Palette.color(0)) > 100);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(VivariumException.class, () -> LinePlot.builder().build(), "no series");
        assertThrows(VivariumException.class, () -> LinePlot.builder().series("e", new double[0]));
        assertThrows(VivariumException.class,
                () -> LinePlot.builder().series("nan", new double[] {Double.NaN, Double.NaN}));
        VivariumException e = assertThrows(VivariumException.class,
                () -> LinePlot.builder().series("m", new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("'m'"), e.getMessage());
        assertThrows(VivariumException.class,
                () -> LinePlot.builder().series("neg", new double[] {-1, 0}).logY(true).build());
        assertThrows(VivariumException.class, () -> LinePlot.builder().smoothing(1.0));
        assertThrows(VivariumException.class, () -> LinePlot.builder().size(10, 10));
        assertThrows(VivariumException.class, () -> LinePlot.builder().yRange(1, 0));
    }
}
