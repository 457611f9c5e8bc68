package org.vivarium.plugin.circuits.patch;

import org.vivarium.api.model.HookName;

/**
 * A per-head activation patched one head at a time (all positions), through a head-restricted hook: the head's
 * output {@code z}, its queries, keys, values or attention pattern.
 */
public enum HeadSite {
    /** {@code attn.hook_z}: the head's output before {@code W_O}. */
    Z,
    /** {@code attn.hook_q}. */
    Q,
    /** {@code attn.hook_k}. */
    K,
    /** {@code attn.hook_v}. */
    V,
    /** {@code attn.hook_pattern}. */
    PATTERN;

    /** @return e.g. {@code z} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param layer block index
     * @return the attention hook in that block
     */
    public HookName at(int layer) {
        return HookName.attn(layer, id());
    }
}
