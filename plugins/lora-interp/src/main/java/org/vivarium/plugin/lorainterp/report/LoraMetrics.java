package org.vivarium.plugin.lorainterp.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.plugin.lorainterp.analysis.ColumnStats;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.TargetAnalysis;

/**
 * The analysis as named numbers for {@code report.json}, keyed {@code WEIGHT.NAME}, e.g.
 * {@code blocks.2.mlp.W_out.cos_mean_diff}, {@code blocks.2.mlp.W_out.sigma_1},
 * {@code blocks.2.mlp.W_out.a0.auroc}, {@code blocks.2.mlp.W_out.output_magnitude}. Numbers that were not measured
 * are left out.
 */
public final class LoraMetrics {
    private LoraMetrics() {
    }

    /**
     * Collects the metrics.
     *
     * @param a the analysis
     * @return name to value, in a stable order
     */
    public static Map<String, Double> of(LoraAnalysis a) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (TargetAnalysis t : a.targets()) {
            String p = t.target() + ".";
            double[] sigma = t.spectrum().sigma();
            for (int k = 0; k < sigma.length; k++) {
                put(m, p + "sigma_" + (k + 1), sigma[k]);
            }
            put(m, p + "top_energy", t.spectrum().topEnergyFraction());
            put(m, p + "effective_rank", t.spectrum().effectiveRank());
            put(m, p + "cos_mean_diff", t.cosMeanDifference());
            put(m, p + "random_cos_p" + Math.round(a.settings().nullQuantile() * 100), t.randomQuantile());
            put(m, p + "cos_direction", t.cosReference());
            put(m, p + "output_magnitude", t.outputMagnitude());
            double[] bySite = t.cosineBySite();
            for (int i = 0; i < bySite.length; i++) {
                put(m, p + "cos_site_" + i, bySite[i]);
            }
            for (ColumnStats c : t.columns()) {
                String q = p + "a" + c.k() + ".";
                put(m, q + "auroc", c.auroc());
                put(m, q + "mean_pos", c.meanPositive());
                put(m, q + "mean_neg", c.meanNegative());
                put(m, q + "cos_mean_diff", c.cosMeanDifference());
            }
        }
        return m;
    }

    private static void put(Map<String, Double> m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
    }
}
