package org.vivarium.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;

/**
 * Activations captured by one forward pass, keyed by hook name (TransformerLens' in-memory
 * {@code ActivationCache}).
 *
 * <pre>{@code
 * RunResult r = model.runWithCache(tokens, HookFilter.glob("blocks.*.attn.hook_pattern"));
 * Tensor p = r.activations().get("blocks.1.attn.hook_pattern"); // [batch, head, q, k]
 * }</pre>
 */
public final class Activations {
    private final Map<String, Tensor> byName;

    /**
     * Wraps captured tensors.
     *
     * @param byName hook path to value, in forward order
     */
    public Activations(Map<String, Tensor> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /**
     * Returns one activation.
     *
     * @param hook hook path
     * @return the tensor
     * @throws VivariumException if it was not cached, listing what was
     */
    public Tensor get(String hook) {
        Tensor t = byName.get(hook);
        if (t == null) {
            throw new VivariumException("hook \"" + hook + "\" was not cached in this run",
                    "cache it by adding it to the filter; cached here: " + byName.keySet());
        }
        return t;
    }

    /**
     * Returns one activation.
     *
     * @param hook hook name
     * @return the tensor
     */
    public Tensor get(HookName hook) {
        return get(hook.path());
    }

    /**
     * Returns whether a hook was cached.
     *
     * @param hook hook path
     * @return true if present
     */
    public boolean contains(String hook) {
        return byName.containsKey(hook);
    }

    /** @return cached hook paths in forward order */
    public Set<String> names() {
        return byName.keySet();
    }

    /** @return the whole map, read-only */
    public Map<String, Tensor> asMap() {
        return byName;
    }
}
