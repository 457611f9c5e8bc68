package org.vivarium.plugin.lorainterp.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.TargetAnalysis;
import org.vivarium.report.plot.BarPlot;
import org.vivarium.report.plot.LinePlot;

/** Draws the PNGs: singular values per update, and each output direction's cosine by residual site. */
public final class LoraPlots {
    /** Singular values of every update. */
    public static final String SINGULAR_VALUES = "singular-values.png";
    /** Cosine with the mean difference at every residual site. */
    public static final String COSINE_BY_LAYER = "cosine-by-layer.png";

    private LoraPlots() {
    }

    /**
     * Writes the plots that have data.
     *
     * @param outDir where to write
     * @param a the analysis
     * @return file names (relative to {@code outDir}) to captions
     */
    public static Map<String, String> write(Path outDir, LoraAnalysis a) {
        Map<String, String> images = new LinkedHashMap<>();
        singularValues(a).build().write(outDir.resolve(SINGULAR_VALUES));
        images.put(SINGULAR_VALUES, "singular values of each weight update delta W = scale * A B");
        List<TargetAnalysis> residual = a.targets().stream().filter(t -> t.cosineBySite().length > 0).toList();
        if (!residual.isEmpty()) {
            cosineByLayer(residual, a.settings().nullQuantile()).build().write(outDir.resolve(COSINE_BY_LAYER));
            images.put(COSINE_BY_LAYER, "cosine of each output direction with the contrastive mean difference at every"
                    + " residual site (0 = embeddings, L+1 = after block L), with the random-direction "
                    + Math.round(a.settings().nullQuantile() * 100) + "th percentile");
        }
        return images;
    }

    static BarPlot.Builder singularValues(LoraAnalysis a) {
        int max = a.targets().stream().mapToInt(t -> t.spectrum().sigma().length).max().orElse(1);
        String[] cats = new String[max];
        for (int k = 0; k < max; k++) {
            cats[k] = "sigma " + (k + 1);
        }
        BarPlot.Builder b = BarPlot.builder().title(a.targets().size() == 1
                ? "LoRA update spectrum of " + a.targets().get(0).target() : "LoRA update spectra").xLabel("singular value")
                .yLabel("value").categories(cats);
        for (TargetAnalysis t : a.targets()) {
            double[] v = Arrays.copyOf(t.spectrum().sigma(), max);
            for (int k = t.spectrum().sigma().length; k < max; k++) {
                v[k] = Double.NaN;
            }
            b.series(t.target(), v);
        }
        return b;
    }

    static LinePlot.Builder cosineByLayer(List<TargetAnalysis> targets, double quantile) {
        LinePlot.Builder b = LinePlot.builder().title("Output direction vs contrastive mean difference")
                .xLabel("residual site (0 = embeddings, L+1 = after block L)").yLabel("cosine").yRange(-1, 1);
        int sites = 0;
        for (TargetAnalysis t : targets) {
            double[] y = t.cosineBySite();
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            sites = Math.max(sites, y.length);
            b.series(t.target(), x, y);
        }
        double q = targets.get(0).randomQuantile();
        if (Double.isFinite(q)) {
            b.series("random |cos| p" + Math.round(quantile * 100), new double[] {0, sites - 1}, new double[] {q, q});
        }
        return b;
    }
}
