package org.vivarium.plugin.circuits.patch;

import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;

/** A site patched one layer and one position at a time: the residual stream, an attention or an MLP output. */
public enum PositionSite {
    /** {@code blocks.L.hook_resid_pre}. */
    RESID_PRE("hook_resid_pre"),
    /** {@code blocks.L.hook_attn_out}. */
    ATTN_OUT("hook_attn_out"),
    /** {@code blocks.L.hook_mlp_out}; absent in attention-only models. */
    MLP_OUT("hook_mlp_out");

    private final String site;

    PositionSite(String site) {
        this.site = site;
    }

    /**
     * @param layer block index
     * @return the hook in that block
     */
    public HookName at(int layer) {
        return HookName.block(layer, site);
    }

    /** @return the hook's name inside a block, e.g. {@code hook_resid_pre} */
    public String id() {
        return site.substring("hook_".length());
    }

    /**
     * @param cfg the model
     * @return whether the model has this site (attention-only models have no MLP)
     */
    public boolean existsIn(ModelConfig cfg) {
        return this != MLP_OUT || !cfg.attnOnly();
    }
}
