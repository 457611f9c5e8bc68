package org.vivarium.plugin.lorainterp.analysis;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;

/**
 * The residual-stream sites, in forward order: index 0 is {@code blocks.0.hook_resid_pre} (the embeddings) and
 * index {@code L + 1} is {@code blocks.L.hook_resid_post} (after block {@code L}).
 */
public final class ResidualSites {
    private ResidualSites() {
    }

    /**
     * Lists the sites.
     *
     * @param cfg the architecture
     * @return {@code n_layers + 1} hooks
     */
    public static List<HookName> all(ModelConfig cfg) {
        List<HookName> out = new ArrayList<>();
        out.add(HookName.residPre(0));
        for (int l = 0; l < cfg.nLayers(); l++) {
            out.add(HookName.residPost(l));
        }
        return List.copyOf(out);
    }
}
