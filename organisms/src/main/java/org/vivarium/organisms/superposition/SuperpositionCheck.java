package org.vivarium.organisms.superposition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.ReportFiles;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.report.table.Table;

/**
 * Measures a trained sweep (represented features, W^T W, norms, superposition, dimensionality) and scores
 * the densest and sparsest models against the truth card's thresholds; writes the report and its figures.
 */
final class SuperpositionCheck {
    private SuperpositionCheck() {
    }

    /**
     * Checks a sweep.
     *
     * @param card the truth card (thresholds are read from it)
     * @param sweep the trained models
     * @param dir where the report goes
     * @return the verdict
     */
    static CheckResult run(TruthCard card, SweepFiles.Sweep sweep, Path dir) {
        SweepConfig cfg = sweep.config();
        int m = cfg.hidden();
        List<Double> densities = new ArrayList<>();
        List<FeatureGeometry> geo = new ArrayList<>();
        for (SweepFiles.Entry e : sweep.entries()) {
            densities.add(e.density());
            geo.add(FeatureGeometry.of(e.model().weights()));
        }
        int dense = extreme(densities, true);
        int sparse = extreme(densities, false);
        ReportFiles r = new ReportFiles("Superposition organism check", card);
        Planted pd = planted(card, "dense-orthogonal");
        Planted ps = planted(card, "sparse-superposition");

        FeatureGeometry gd = geo.get(dense);
        List<Integer> topM = range(m);
        int repD = gd.represented().size();
        int maxRep = (int) pd.number("represented_max", m + 1);
        double maxSup = pd.number("superposition_max", 0.1);
        double supTop = gd.maxSuperposition(topM);
        boolean topIn = gd.represented().containsAll(topM);
        r.finding(repD <= maxRep && topIn && supTop <= maxSup, String.format("dense (1-S = %s): %d of %d features"
                + " represented (need <= %d) %s; the %d most important %s; their largest superposition %.3f (need <="
                + " %.2f, orthogonal)", SweepConfig.label(densities.get(dense)), repD, cfg.features(), maxRep,
                gd.represented(), m, topIn ? "are all represented" : "are NOT all represented", supTop, maxSup));

        FeatureGeometry gs = geo.get(sparse);
        int repS = gs.represented().size();
        int minRep = (int) ps.number("represented_min", 2.0 * m);
        List<Integer> mustS = range(minRep);
        boolean mustIn = gs.represented().containsAll(mustS);
        double maxDpf = ps.number("dims_per_feature_max", 0.5);
        r.finding(repS >= minRep && mustIn && gs.dimsPerFeature() <= maxDpf, String.format("sparse (1-S = %s): %d"
                + " of %d features represented (need >= %d) %s; the %d most important %s; m / ||W||_F^2 = %.3f"
                + " dimensions per feature (need <= %.2f; dense: %.3f)", SweepConfig.label(densities.get(sparse)),
                repS, cfg.features(), minRep, gs.represented(), minRep, mustIn ? "are all represented"
                        : "are NOT all represented", gs.dimsPerFeature(), maxDpf, gd.dimsPerFeature()));

        Table t = Table.of("1-S", "1/(1-S)", "final loss", "represented", "which", "m/||W||_F^2",
                "mean D_i (represented)", "mean superposition (represented)", "max superposition (top m)");
        Map<String, Object> perDensity = new LinkedHashMap<>();
        for (int k = 0; k < densities.size(); k++) {
            FeatureGeometry g = geo.get(k);
            String label = SweepConfig.label(densities.get(k));
            t.row(label, 1 / densities.get(k), sweep.entries().get(k).finalLoss(), g.represented().size(),
                    g.represented().toString(), g.dimsPerFeature(), meanOverRepresented(g, g.dimensionality()),
                    meanOverRepresented(g, g.superposition()), g.maxSuperposition(topM));
            r.metric("represented_density_" + label, g.represented().size());
            r.metric("dims_per_feature_density_" + label, g.dimsPerFeature());
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("represented", g.represented());
            j.put("norms", g.norms());
            j.put("superposition", g.superposition());
            j.put("dimensionality", g.dimensionality());
            j.put("dims_per_feature", g.dimsPerFeature());
            j.put("WtW", g.gram());
            j.put("b", sweep.entries().get(k).model().bias());
            j.put("final_loss", sweep.entries().get(k).finalLoss());
            perDensity.put(label, j);
        }
        r.metric("represented_densest", repD).metric("represented_sparsest", repS)
                .metric("superposition_top_m_densest", supTop).metric("dims_per_feature_densest", gd.dimsPerFeature())
                .metric("dims_per_feature_sparsest", gs.dimsPerFeature());
        r.table("Sparsity sweep (n = " + cfg.features() + ", m = " + m + ", ||W_i|| > "
                + FeatureGeometry.REPRESENTED_NORM + " counts as represented)", t);
        SuperpositionPlots.geometryGrid(densities, geo, dir.resolve("geometry.png"));
        SuperpositionPlots.dimensionality(densities, geo, dir.resolve("dimensionality.png"));
        SuperpositionPlots.featureDimensionality(densities, geo, dir.resolve("feature_dimensionality.png"));
        r.image("geometry.png", "per sparsity: W^T W (top) and feature norms ||W_i|| with superposition"
                + " sum_{j != i} (W_i_hat . W_j)^2 (bottom)");
        r.image("dimensionality.png", "dimensions per feature m / ||W||_F^2 against 1/(1-S)");
        r.image("feature_dimensionality.png", "feature dimensionality D_i per feature and sparsity");
        if (java.nio.file.Files.exists(dir.resolve("loss.png"))) {
            r.image("loss.png", "training loss per sparsity");
        }
        r.json("per_density", perDensity);
        r.json("sweep", cfg.asSettings());
        r.json("provenance", sweep.provenance());
        Path md = r.write(dir);
        return new CheckResult("superposition", r.passed(), r.findings(), r.metrics(), md);
    }

    private static double meanOverRepresented(FeatureGeometry g, double[] perFeature) {
        List<Integer> rep = g.represented();
        double s = 0;
        for (int i : rep) {
            s += perFeature[i];
        }
        return rep.isEmpty() ? Double.NaN : s / rep.size();
    }

    private static int extreme(List<Double> densities, boolean densest) {
        int best = 0;
        for (int k = 1; k < densities.size(); k++) {
            if (densest ? densities.get(k) > densities.get(best) : densities.get(k) < densities.get(best)) {
                best = k;
            }
        }
        return best;
    }

    private static List<Integer> range(int k) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(i);
        }
        return out;
    }

    private static Planted planted(TruthCard card, String id) {
        return card.planted().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the superposition truth card has no \"" + id + "\""));
    }
}
