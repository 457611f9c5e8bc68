package org.vivarium.plugin.circuits.attribution;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.GradientResult;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.metric.Metric;
import org.vivarium.plugin.circuits.patch.ActivationPatcher;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.patch.PatchDirection;
import org.vivarium.plugin.circuits.patch.PatchResult;
import org.vivarium.plugin.circuits.patch.PositionSite;

/**
 * Attribution patching: estimates every single-site patch of {@link ActivationPatcher} at once, from one run
 * of the source input and one forward plus backward pass of the base input. The estimate of patching site
 * {@code s} is {@code metric(base) + sum (a_source - a_base) * d metric / d a_base} over the site's slice (one
 * layer and position of the residual stream, attention or MLP output, or one head's {@code z, q, k, v} or
 * pattern over all positions), summed over the batch because the metric is the batch mean.
 *
 * <pre>{@code
 * PatchResult estimate = new AttributionPatcher(model, clean, corrupted, metric)
 *         .run(PatchDirection.NOISING, List.of(PositionSite.RESID_PRE), List.of(HeadSite.Z));
 * }</pre>
 *
 * <p>Noising takes the gradient at the clean run and {@code a_source} from the corrupted run (the usual
 * attribution patching); denoising the reverse. The result has the same shape and normalisation as real
 * patching, so the two can be compared site by site ({@link AttributionComparison}).
 */
public final class AttributionPatcher {
    private final Model model;
    private final int[][] clean;
    private final int[][] corrupted;
    private final Metric metric;

    /**
     * Binds the inputs.
     *
     * @param model the model
     * @param clean {@code [batch][pos]} clean tokens
     * @param corrupted {@code [batch][pos]} corrupted tokens, the same shape
     * @param metric what is measured; its {@link Metric#gradient} is back-propagated
     * @throws org.vivarium.api.VivariumException if the two inputs differ in shape
     */
    public AttributionPatcher(Model model, int[][] clean, int[][] corrupted, Metric metric) {
        ActivationPatcher.requireSameShape(clean, corrupted);
        this.model = model;
        this.clean = clean;
        this.corrupted = corrupted;
        this.metric = metric;
    }

    /**
     * Estimates every site's patch. Position sites the model lacks are left out, as in real patching.
     *
     * @param direction denoising (gradient at the corrupted run) or noising (gradient at the clean run)
     * @param positions position sites
     * @param heads head sites
     * @return the estimated patched metrics
     */
    public PatchResult run(PatchDirection direction, List<PositionSite> positions, List<HeadSite> heads) {
        ModelConfig cfg = model.config();
        HookFilter filter = ActivationPatcher.hooks(cfg, positions, heads);
        boolean denoise = direction == PatchDirection.DENOISING;
        RunResult source = model.run(denoise ? clean : corrupted, List.of(), filter);
        GradientResult base = model.runWithGradients(denoise ? corrupted : clean, List.of(), filter,
                metric::gradient);
        double baseMetric = metric.measure(base.logits());
        double sourceMetric = metric.measure(source.logits());
        Map<PositionSite, double[][]> byPos = new EnumMap<>(PositionSite.class);
        for (PositionSite s : positions) {
            if (!s.existsIn(cfg)) {
                continue;
            }
            double[][] m = new double[cfg.nLayers()][];
            for (int l = 0; l < cfg.nLayers(); l++) {
                String hook = s.at(l).path();
                m[l] = shifted(baseMetric, source.activations().get(hook), base.activations().get(hook),
                        base.gradients().get(hook), 1);
            }
            byPos.put(s, m);
        }
        Map<HeadSite, double[][]> byHead = new EnumMap<>(HeadSite.class);
        for (HeadSite s : heads) {
            double[][] m = new double[cfg.nLayers()][];
            int axis = s == HeadSite.PATTERN ? 1 : 2;
            for (int l = 0; l < cfg.nLayers(); l++) {
                String hook = s.at(l).path();
                m[l] = shifted(baseMetric, source.activations().get(hook), base.activations().get(hook),
                        base.gradients().get(hook), axis);
            }
            byHead.put(s, m);
        }
        return denoise
                ? new PatchResult(metric.describe(), direction, sourceMetric, baseMetric, byPos, byHead)
                : new PatchResult(metric.describe(), direction, baseMetric, sourceMetric, byPos, byHead);
    }

    /**
     * {@code base + sum (source - a) * grad}, grouped by the index along one axis.
     *
     * @param base the base run's metric
     * @param source the source run's activation
     * @param a the base run's activation
     * @param grad the metric's gradient at {@code a}
     * @param axis the axis whose index names the site (position or head)
     * @return one estimate per index along {@code axis}
     */
    static double[] shifted(double base, Tensor source, Tensor a, Tensor grad, int axis) {
        int size = a.size(axis);
        int stride = 1;
        for (int k = axis + 1; k < a.rank(); k++) {
            stride *= a.size(k);
        }
        double[] out = new double[size];
        float[] s = source.data();
        float[] x = a.data();
        float[] g = grad.data();
        for (int i = 0; i < x.length; i++) {
            out[(i / stride) % size] += ((double) s[i] - x[i]) * g[i];
        }
        for (int i = 0; i < size; i++) {
            out[i] += base;
        }
        return out;
    }
}
