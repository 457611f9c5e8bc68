package org.vivarium.plugin.circuits.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.plugin.circuits.math.Correlation;
import org.vivarium.plugin.circuits.patch.PatchResult;

/**
 * How well attribution patching predicts real activation patching: Pearson's r and Spearman's rho between the
 * estimated and the measured change of the metric ({@code patched - base run}) over all sites, and per site kind
 * ({@code resid_pre}, {@code attn_out}, {@code mlp_out}, {@code z}, {@code q}, {@code k}, {@code v},
 * {@code pattern}).
 *
 * @param all the correlation over every site
 * @param bySite the correlation over each site kind's cells, in the results' order
 */
public record AttributionComparison(Fit all, Map<String, Fit> bySite) {

    /**
     * One correlation.
     *
     * @param pearson Pearson's r (NaN when a side is constant)
     * @param spearman Spearman's rho
     * @param sites the number of sites compared
     */
    public record Fit(double pearson, double spearman, int sites) {
        static Fit of(List<Double> x, List<Double> y) {
            double[] a = x.stream().mapToDouble(Double::doubleValue).toArray();
            double[] b = y.stream().mapToDouble(Double::doubleValue).toArray();
            return new Fit(Correlation.pearson(a, b), Correlation.spearman(a, b), a.length);
        }
    }

    /**
     * Compares two results over the same sites and direction.
     *
     * @param estimate attribution patching
     * @param measured real activation patching
     * @return the correlations
     * @throws IllegalArgumentException if the two cover different sites or directions
     */
    public static AttributionComparison of(PatchResult estimate, PatchResult measured) {
        if (estimate.direction() != measured.direction()
                || !estimate.byPosition().keySet().equals(measured.byPosition().keySet())
                || !estimate.byHead().keySet().equals(measured.byHead().keySet())) {
            throw new IllegalArgumentException("attribution and patching must cover the same sites and direction");
        }
        double estBase = base(estimate);
        double measBase = base(measured);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        Map<String, Fit> bySite = new LinkedHashMap<>();
        estimate.byPosition().forEach((site, m) -> bySite.put(site.id(),
                add(m, measured.byPosition().get(site), estBase, measBase, xs, ys)));
        estimate.byHead().forEach((site, m) -> bySite.put(site.id(),
                add(m, measured.byHead().get(site), estBase, measBase, xs, ys)));
        return new AttributionComparison(Fit.of(xs, ys), bySite);
    }

    /** The run the patches are applied to: corrupted when denoising, clean when noising. */
    private static double base(PatchResult r) {
        return r.direction() == org.vivarium.plugin.circuits.patch.PatchDirection.DENOISING ? r.corrupted() : r.clean();
    }

    private static Fit add(double[][] est, double[][] meas, double estBase, double measBase, List<Double> xs,
            List<Double> ys) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int l = 0; l < est.length; l++) {
            for (int j = 0; j < est[l].length; j++) {
                x.add(est[l][j] - estBase);
                y.add(meas[l][j] - measBase);
            }
        }
        xs.addAll(x);
        ys.addAll(y);
        return Fit.of(x, y);
    }
}
