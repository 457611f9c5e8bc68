package org.vivarium.plugin.circuits.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.circuits.metric.Metric;

/** Patches several heads' outputs ({@code attn.hook_z}) at once, from one input's run into another's. */
public final class HeadPatching {
    private HeadPatching() {
    }

    /**
     * Runs {@code target} with the heads' outputs taken from a run on {@code source}.
     *
     * @param model the model
     * @param target the input run, e.g. clean tokens (noising)
     * @param source the input the heads' outputs come from, e.g. corrupted tokens, same shape
     * @param metric what to measure
     * @param heads the heads
     * @return the metric of the patched run
     */
    public static double together(Model model, int[][] target, int[][] source, Metric metric, List<HeadRef> heads) {
        TreeMap<Integer, int[]> byLayer = HeadGroups.byLayer(heads);
        String[] names = byLayer.keySet().stream().map(l -> HookName.attn(l, "z").path()).toArray(String[]::new);
        Activations src = model.runWithCache(source, HookFilter.names(names)).activations();
        List<Hook> hooks = new ArrayList<>();
        byLayer.forEach((layer, hs) -> {
            HookName z = HookName.attn(layer, "z");
            hooks.add(Hook.replace(z, src.get(z)).onHeads(hs));
        });
        return metric.measure(model.runWithHooks(target, hooks));
    }
}
