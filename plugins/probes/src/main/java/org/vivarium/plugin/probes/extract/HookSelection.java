package org.vivarium.plugin.probes.extract;

import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;

/** Turns a {@code --hook} value into the model's hook points that have one vector per position. */
public final class HookSelection {
    private HookSelection() {
    }

    /**
     * Selects hooks.
     *
     * @param spec comma-separated names or globs, e.g. {@code blocks.*.hook_resid_post}
     * @param cfg the model's architecture
     * @return the matching hooks in forward order
     * @throws VivariumException for unknown names (listing valid ones) or hooks without a position axis
     */
    public static List<HookName> select(String spec, ModelConfig cfg) {
        HookFilter filter = HookFilter.parse(spec, cfg);
        List<HookName> hooks = HookName.allFor(cfg).stream().filter(filter).toList();
        if (hooks.isEmpty()) {
            throw new VivariumException("--hook \"" + spec + "\" selects no hook point",
                    "valid names are " + HookName.summarize(cfg));
        }
        for (HookName h : hooks) {
            if (h.site().endsWith("hook_pattern") || h.site().endsWith("hook_attn_scores")) {
                throw new VivariumException("hook " + h + " is [batch, head, query_pos, key_pos], not one vector per"
                        + " position", "probe e.g. blocks.*.hook_resid_post, hook_attn_out, hook_mlp_out or attn.hook_z");
            }
        }
        return hooks;
    }
}
