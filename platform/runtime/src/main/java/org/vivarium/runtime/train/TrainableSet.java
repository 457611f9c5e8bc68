package org.vivarium.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDResource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.vivarium.runtime.lora.LoraAdapters;
import org.vivarium.runtime.model.ParameterStore;

/**
 * The parameters an optimizer updates, by name, and which of them get weight decay. Everything else the
 * forward pass reads stays frozen.
 *
 * <pre>{@code
 * TrainableSet.allOf(params);        // full training / fine-tuning: every weight, decay on W_* matrices
 * TrainableSet.adaptersOf(lora);     // LoRA: only lora_A / lora_B, decay on both
 * }</pre>
 */
public final class TrainableSet {
    private final Map<String, NDArray> params;
    private final Set<String> decayed;
    private final NDManager owner;

    private TrainableSet(Map<String, NDArray> params, Set<String> decayed, NDManager owner) {
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.decayed = Collections.unmodifiableSet(decayed);
        this.owner = owner;
    }

    /**
     * Every parameter of a model; weight decay on matrices ({@code W_*}) only, not biases or LayerNorm.
     *
     * @param store the weights
     * @return the set
     */
    public static TrainableSet allOf(ParameterStore store) {
        Set<String> decay = new LinkedHashSet<>();
        for (String name : store.all().keySet()) {
            if (name.substring(name.lastIndexOf('.') + 1).startsWith("W_")) {
                decay.add(name);
            }
        }
        return new TrainableSet(store.all(), decay, store.manager());
    }

    /**
     * Only the LoRA parameters; all are matrices and get weight decay.
     *
     * @param adapters the adapters
     * @return the set
     */
    public static TrainableSet adaptersOf(LoraAdapters adapters) {
        return new TrainableSet(adapters.all(), new LinkedHashSet<>(adapters.all().keySet()), adapters.manager());
    }

    /** @return the parameters in a stable order (read-only) */
    public Map<String, NDArray> all() {
        return params;
    }

    /**
     * Tells whether decoupled weight decay applies to a parameter.
     *
     * @param name parameter name
     * @return whether it is decayed
     */
    public boolean decays(String name) {
        return decayed.contains(name);
    }

    /** @return the manager owning the parameters (optimizer state is created under it) */
    public NDManager manager() {
        return owner;
    }

    /**
     * Attaches every parameter temporarily to {@code scope} (see {@link ParameterStore#borrowInto}).
     *
     * @param scope a short-lived manager
     */
    public void borrowInto(NDManager scope) {
        scope.tempAttachAll(params.values().toArray(new NDResource[0]));
    }

    /**
     * Turns gradient tracking on or off for every parameter in the set.
     *
     * @param on whether to track
     */
    public void requireGradients(boolean on) {
        for (NDArray a : params.values()) {
            a.setRequiresGradient(on);
        }
    }

    /** @return the number of trainable scalars */
    public long size() {
        long n = 0;
        for (NDArray a : params.values()) {
            n += a.size();
        }
        return n;
    }
}
