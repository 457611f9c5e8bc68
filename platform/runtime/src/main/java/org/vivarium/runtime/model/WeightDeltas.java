package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Additive changes to weight matrices that the forward pass applies on the fly, e.g. LoRA adapters
 * ({@code org.vivarium.runtime.lora.LoraAdapters}). Deltas are given in the {@code [in, out]} matrix view the
 * forward pass multiplies by (see {@code org.vivarium.checkpoint.adapter.LoraTargets}).
 */
public interface WeightDeltas extends AutoCloseable {
    /**
     * Returns the change to one weight, computed from arrays borrowed into the current scope.
     *
     * @param weightName a state-dict name such as {@code blocks.0.mlp.W_out}
     * @return the {@code [in, out]} delta, or {@code null} if this weight is unchanged
     */
    NDArray delta(String weightName);

    /**
     * Attaches the underlying arrays temporarily to {@code scope}, like {@link ParameterStore#borrowInto}.
     *
     * @param scope a short-lived manager
     */
    void borrowInto(NDManager scope);

    /** Frees the native arrays. */
    @Override
    void close();
}
