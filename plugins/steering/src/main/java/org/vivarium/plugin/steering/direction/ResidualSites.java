package org.vivarium.plugin.steering.direction;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;

/**
 * The residual-stream sites a direction can live at: {@code blocks.L.hook_resid_pre} for every layer L,
 * then the last block's {@code hook_resid_post}. Site index {@code L} is {@code resid_pre(L)}; index
 * {@code n_layers} is {@code resid_post(n_layers - 1)} (the stream after the last block).
 */
public final class ResidualSites {
    private ResidualSites() {
    }

    /**
     * Lists every site in forward order.
     *
     * @param cfg the architecture
     * @return {@code n_layers + 1} hook names
     */
    public static List<HookName> all(ModelConfig cfg) {
        List<HookName> out = new ArrayList<>();
        for (int l = 0; l < cfg.nLayers(); l++) {
            out.add(HookName.residPre(l));
        }
        out.add(HookName.residPost(cfg.nLayers() - 1));
        return List.copyOf(out);
    }

    /**
     * Returns the site for a residual-stream layer index.
     *
     * @param cfg the architecture
     * @param layer 0 to {@code n_layers}
     * @return the hook
     * @throws VivariumException if the layer is out of range
     */
    public static HookName at(ModelConfig cfg, int layer) {
        if (layer < 0 || layer > cfg.nLayers()) {
            throw new VivariumException("layer " + layer + " is outside this model's residual stream",
                    "use a layer from 0 to " + cfg.nLayers() + " (" + cfg.nLayers()
                            + " = after the last block)");
        }
        return all(cfg).get(layer);
    }

    /**
     * Returns the residual-stream layer index of a site.
     *
     * @param cfg the architecture
     * @param hook a site from {@link #all}
     * @return its index, 0 to {@code n_layers}
     * @throws IllegalArgumentException if it is not a residual site
     */
    public static int layerOf(ModelConfig cfg, HookName hook) {
        int i = all(cfg).indexOf(hook);
        if (i < 0) {
            throw new IllegalArgumentException(hook.path() + " is not a residual site of this model");
        }
        return i;
    }
}
