package org.vivarium.plugin.circuits.patch;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.AblationMode;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.circuits.metric.Metric;

/**
 * Knocks heads out by zero- or mean-ablating their output ({@code attn.hook_z}, all positions) and measures a
 * metric, as the host's scorer does to verify a circuit claim.
 */
public final class HeadAblation {
    private HeadAblation() {
    }

    /**
     * Ablates each head on its own.
     *
     * @param model the model
     * @param tokens {@code [batch][pos]} input
     * @param metric what to measure
     * @param mode zero or mean (over the batch and all positions)
     * @return {@code [layer][head]} the metric with that head ablated
     */
    public static double[][] each(Model model, int[][] tokens, Metric metric, AblationMode mode) {
        int layers = model.config().nLayers();
        int heads = model.config().nHeads();
        double[][] out = new double[layers][heads];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                out[l][h] = together(model, tokens, metric, List.of(new HeadRef(l, h)), mode);
            }
        }
        return out;
    }

    /**
     * Ablates several heads at once.
     *
     * @param model the model
     * @param tokens {@code [batch][pos]} input
     * @param metric what to measure
     * @param heads the heads
     * @param mode zero or mean
     * @return the metric with all of them ablated
     */
    public static double together(Model model, int[][] tokens, Metric metric, List<HeadRef> heads, AblationMode mode) {
        return metric.measure(model.runWithHooks(tokens, hooks(heads, mode)));
    }

    /**
     * Builds one head-restricted ablation hook per layer.
     *
     * @param heads the heads
     * @param mode zero or mean
     * @return the hooks
     */
    public static List<Hook> hooks(List<HeadRef> heads, AblationMode mode) {
        List<Hook> out = new ArrayList<>();
        HeadGroups.byLayer(heads).forEach((layer, hs) -> {
            HookName z = HookName.attn(layer, "z");
            Hook base = mode == AblationMode.ZERO ? Hook.zeroAblate(z) : Hook.meanAblate(z);
            out.add(base.onHeads(hs));
        });
        return out;
    }
}
