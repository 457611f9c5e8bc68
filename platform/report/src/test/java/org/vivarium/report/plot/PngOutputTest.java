package org.vivarium.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every chart kind written as a PNG file and read back: the right size, and plainly more than a blank frame. */
class PngOutputTest {

    @TempDir
    Path dir;

    static Stream<Arguments> charts() {
        Random rnd = new Random(1);
        double[] loss = new double[600];
        double[] acts = new double[4000];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 1.5 + 4 * Math.exp(-i / 120.0) + 0.2 * rnd.nextGaussian();
        }
        for (int i = 0; i < acts.length; i++) {
            acts[i] = rnd.nextGaussian();
        }
        double[][] scores = new double[6][8];
        for (int l = 0; l < 6; l++) {
            for (int h = 0; h < 8; h++) {
                scores[l][h] = Math.sin(l + 0.7 * h);
            }
        }
        return Stream.of(
                Arguments.of("line", LinePlot.builder().title("loss").xLabel("step").yLabel("loss")
                        .series("train", loss).series("val", new double[] {0, 200, 400, 599}, new double[] {5, 3, 2, 1.7})
                        .smoothing(0.9).size(640, 400).scale(1.5).build(), 640, 400, 1.5),
                Arguments.of("line-log", LinePlot.builder().series("train", loss).logY(true).build(), 800, 500, 1.0),
                Arguments.of("bar", BarPlot.builder().title("accuracy").categories("embed", "L0", "L1")
                        .series("probe", new double[] {0.6, 0.8, 0.9}, new double[] {0.02, 0.03, 0.01})
                        .series("control", new double[] {0.5, 0.52, 0.55}).referenceLine(0.5, "chance").yRange(0, 1)
                        .size(500, 350).build(), 500, 350, 1.0),
                Arguments.of("heatmap", Heatmap.builder().title("scores").xLabel("head").yLabel("layer").matrix(scores)
                        .colorBarLabel("score").scale(2).build(), 800, 500, 2.0),
                Arguments.of("histogram", Histogram.builder().title("activations").series("acts", acts).bins(50)
                        .size(600, 400).build(), 600, 400, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void writesAReadablePngOfTheRequestedSize(String name, Chart chart, int w, int h, double scale) throws IOException {
        Path png = dir.resolve("out").resolve(name + ".png");
        chart.write(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a valid PNG");
        assertEquals(Math.round(w * scale), img.getWidth());
        assertEquals(Math.round(h * scale), img.getHeight());
        assertTrue(Files.size(png) > 5_000, name + " is " + Files.size(png) + " bytes");
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertEquals(List.of(png), files.toList(), "no temporary file left");
        }
        Rectangle2D all = new Rectangle2D.Double(0, 0, img.getWidth(), img.getHeight());
        double inked = Pixels.nonBackground(img, all, 1) / (double) (img.getWidth() * img.getHeight());
        assertTrue(inked > 0.03 && inked < 0.97, name + ": " + inked + " of the pixels are not white");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.size() > 20, name + " has " + colours.size() + " colours: text, data, grid");
        // the margins hold titles and tick labels: dark text pixels left of and below the data
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth() / 8; x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 130 && ((rgb >> 8) & 0xFF) < 130 && (rgb & 0xFF) < 130) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 50, name + ": tick labels and axis title on the left (" + dark + " dark pixels)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void renderingIsRepeatable(String name, Chart chart, int w, int h, double scale) {
        BufferedImage a = chart.render();
        BufferedImage b = chart.render();
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                assertEquals(a.getRGB(x, y), b.getRGB(x, y), name + " at " + x + "," + y);
            }
        }
    }
}
