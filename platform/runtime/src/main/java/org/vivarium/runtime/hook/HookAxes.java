package org.vivarium.runtime.hook;

import org.vivarium.api.model.HookName;

/**
 * Where the position and head axes sit in a hook's tensor.
 *
 * @param posAxis index of the (query) position axis
 * @param headAxis index of the head axis, or -1
 */
record HookAxes(int posAxis, int headAxis) {

    /**
     * Returns the axes for a hook point.
     *
     * @param name hook name
     * @return its axes
     */
    static HookAxes of(HookName name) {
        String site = name.site();
        if (site.equals("attn.hook_pattern") || site.equals("attn.hook_attn_scores")) {
            return new HookAxes(2, 1);
        }
        if (name.hasHeads()) {
            return new HookAxes(1, 2);
        }
        return new HookAxes(1, -1);
    }
}
