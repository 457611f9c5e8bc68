package org.vivarium.organisms.superposition;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.vivarium.api.VivariumException;
import org.vivarium.report.plot.BarPlot;
import org.vivarium.report.plot.ColorMap;
import org.vivarium.report.plot.Heatmap;
import org.vivarium.report.plot.LinePlot;

/** The paper's figures for a sweep, drawn with the house plot builders. */
final class SuperpositionPlots {
    private SuperpositionPlots() {
    }

    /**
     * One column per density: W^T W above, feature norms and superposition below (the paper's figure 3).
     * Superposition is drawn for represented features only.
     *
     * @param densities 1 - S per column
     * @param geometry measurements per column
     * @param png where to write
     */
    static void geometryGrid(List<Double> densities, List<FeatureGeometry> geometry, Path png) {
        List<BufferedImage> top = new ArrayList<>();
        List<BufferedImage> bottom = new ArrayList<>();
        for (int k = 0; k < densities.size(); k++) {
            FeatureGeometry g = geometry.get(k);
            int n = g.norms().length;
            String title = "1-S = " + SweepConfig.label(densities.get(k));
            top.add(Heatmap.builder().title(title + ": W^T W").matrix(g.gram()).range(-1, 1)
                    .colorMap(ColorMap.BLUE_RED).showValues(false).rowLabels(featureLabels(n))
                    .columnLabels(featureLabels(n)).size(420, 380).build().render());
            // superposition of a feature with (almost) no direction is the noise of a normalised tiny vector:
            // leave those bars out, as the paper's figure (bar height = norm) does implicitly
            double[] sup = g.superposition().clone();
            for (int i = 0; i < n; i++) {
                if (g.norms()[i] <= FeatureGeometry.REPRESENTED_NORM) {
                    sup[i] = Double.NaN;
                }
            }
            boolean anySup = java.util.Arrays.stream(sup).anyMatch(Double::isFinite);
            BarPlot.Builder bars = BarPlot.builder().title(title + ": per feature")
                    .xLabel("feature (most important first)").categories(featureLabels(n)).series("||W_i||",
                            g.norms()).referenceLine(FeatureGeometry.REPRESENTED_NORM, "0.5").legend(k == 0)
                    .size(420, 280);
            if (anySup) {
                bars.series("superposition", sup);
            }
            bottom.add(bars.build().render());
        }
        int w = top.get(0).getWidth();
        int h = top.get(0).getHeight() + bottom.get(0).getHeight();
        BufferedImage grid = new BufferedImage(w * top.size(), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = grid.createGraphics();
        try {
            gr.setColor(Color.WHITE);
            gr.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int k = 0; k < top.size(); k++) {
                gr.drawImage(top.get(k), k * w, 0, null);
                gr.drawImage(bottom.get(k), k * w, top.get(k).getHeight(), null);
            }
        } finally {
            gr.dispose();
        }
        writePng(grid, png);
    }

    /**
     * Dimensions per feature {@code m / ||W||_F^2} against {@code 1 / (1 - S)} (log scale), with the mean
     * D_i of the represented features beside it (the paper's feature-dimensionality figure).
     */
    static void dimensionality(List<Double> densities, List<FeatureGeometry> geometry, Path png) {
        int k = densities.size();
        double[] x = new double[k];
        double[] dpf = new double[k];
        double[] meanD = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = Math.log10(1 / densities.get(i));
            FeatureGeometry g = geometry.get(i);
            dpf[i] = g.dimsPerFeature();
            double s = 0;
            List<Integer> rep = g.represented();
            for (int f : rep) {
                s += g.dimensionality()[f];
            }
            meanD[i] = rep.isEmpty() ? Double.NaN : s / rep.size();
        }
        LinePlot.builder().title("Dimensions per feature vs sparsity").xLabel("log10 1/(1-S)")
                .yLabel("dimensions per feature").series("m / ||W||_F^2", x, dpf)
                .series("mean D_i of represented features", x, meanD).yRange(0, 1.1)
                .build().write(png);
    }

    /** D_i per feature (rows) and density (columns). */
    static void featureDimensionality(List<Double> densities, List<FeatureGeometry> geometry, Path png) {
        int n = geometry.get(0).norms().length;
        double[][] d = new double[n][densities.size()];
        List<String> cols = new ArrayList<>();
        for (int k = 0; k < densities.size(); k++) {
            cols.add("1-S=" + SweepConfig.label(densities.get(k)));
            for (int i = 0; i < n; i++) {
                d[i][k] = geometry.get(k).dimensionality()[i];
            }
        }
        Heatmap.builder().title("Feature dimensionality D_i = ||W_i||^2 / sum_j (W_i_hat . W_j)^2")
                .xLabel("feature density").yLabel("feature").matrix(d).rowLabels(featureLabels(n)).columnLabels(cols)
                .range(0, 1).colorMap(ColorMap.VIRIDIS).showValues(true).valueDecimals(2).colorBarLabel("D_i")
                .size(800, 620).build().write(png);
    }

    /** Training loss per density (log scale). */
    static void losses(List<Double> densities, List<double[]> losses, Path png) {
        LinePlot.Builder b = LinePlot.builder().title("superposition sweep: training loss").xLabel("step")
                .yLabel("importance-weighted MSE").logY(true).smoothing(0.95);
        for (int k = 0; k < densities.size(); k++) {
            b.series("1-S=" + SweepConfig.label(densities.get(k)), losses.get(k));
        }
        b.build().write(png);
    }

    private static List<String> featureLabels(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf(i));
        }
        return out;
    }

    private static void writePng(BufferedImage image, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(png.toAbsolutePath().getParent(), ".plot", ".png");
            try {
                ImageIO.write(image, "png", tmp.toFile());
                Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new VivariumException("cannot write " + png + " (" + e.getMessage() + ")",
                    "check that the directory is writable");
        }
    }
}
