package org.vivarium.plugin.latentqa.read;

import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;

/** Chooses the subject hook the decoder reads: the residual stream after a block, by default the last block. */
public final class ReadSite {
    private ReadSite() {
    }

    /**
     * Returns {@code blocks.L.hook_resid_post}.
     *
     * @param cfg the subject's architecture
     * @param layer the block, or a negative number to count from the end ({@code -1} = the last block)
     * @return the hook path
     * @throws VivariumException if the layer does not exist
     */
    public static String residPost(ModelConfig cfg, int layer) {
        int l = layer < 0 ? cfg.nLayers() + layer : layer;
        if (l < 0 || l >= cfg.nLayers()) {
            throw new VivariumException("layer " + layer + " does not exist in a " + cfg.nLayers() + "-layer model",
                    "choose a layer from 0 to " + (cfg.nLayers() - 1) + " (or -1 for the last)");
        }
        return HookName.residPost(l).path();
    }
}
