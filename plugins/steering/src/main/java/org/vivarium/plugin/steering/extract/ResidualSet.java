package org.vivarium.plugin.steering.extract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.HookName;

/**
 * One residual vector per prompt at each of several hooks.
 *
 * @param byHook hook to {@code [prompt][d_model]}, every hook with the same number of prompts
 */
public record ResidualSet(Map<HookName, float[][]> byHook) {
    /** Copies the map (keeps its order) and checks the prompt counts agree. */
    public ResidualSet {
        byHook = Collections.unmodifiableMap(new LinkedHashMap<>(byHook));
        int n = -1;
        for (float[][] rows : byHook.values()) {
            if (n >= 0 && rows.length != n) {
                throw new IllegalArgumentException("hooks hold different prompt counts: " + n + " vs " + rows.length);
            }
            n = rows.length;
        }
    }

    /** @return the hooks, in order */
    public List<HookName> hooks() {
        return List.copyOf(byHook.keySet());
    }

    /** @return the number of prompts */
    public int size() {
        return byHook.isEmpty() ? 0 : byHook.values().iterator().next().length;
    }

    /**
     * Returns the vectors at one hook.
     *
     * @param hook the hook
     * @return {@code [prompt][d_model]} (shared; treat as read-only)
     * @throws IllegalArgumentException if the hook was not read
     */
    public float[][] at(HookName hook) {
        float[][] rows = byHook.get(hook);
        if (rows == null) {
            throw new IllegalArgumentException("hook " + hook.path() + " was not read; read: " + byHook.keySet());
        }
        return rows;
    }

    /**
     * Selects some prompts.
     *
     * @param indices prompt indices, in the order wanted
     * @return a set with only those prompts
     */
    public ResidualSet subset(int[] indices) {
        Map<HookName, float[][]> out = new LinkedHashMap<>();
        byHook.forEach((h, rows) -> {
            float[][] sel = new float[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                sel[i] = rows[indices[i]];
            }
            out.put(h, sel);
        });
        return new ResidualSet(out);
    }
}
