package org.vivarium.checkpoint.adapter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;

/**
 * Folds a LoRA adapter into weights: every target {@code W} becomes {@code W + (alpha / rank) A B} (computed in
 * double, rounded to float once), so a fine-tuned model can be saved and loaded as a normal checkpoint.
 *
 * <pre>{@code
 * Map<String, Tensor> merged = AdapterMerge.merge(base.weights(), adapter);
 * CheckpointIO.write(out, AdapterMerge.merge(base, adapter, provenance));
 * AdapterIO.write(out, adapter);   // keep the adapter for interpretation
 * }</pre>
 */
public final class AdapterMerge {
    private AdapterMerge() {
    }

    /**
     * Returns merged weights; untargeted tensors are passed through unchanged.
     *
     * @param base the base weights (not modified)
     * @param adapter the adapter
     * @return name to tensor, in {@code base}'s order
     * @throws VivariumException if a target is missing from {@code base} or has the wrong matrix shape
     */
    public static Map<String, Tensor> merge(Map<String, Tensor> base, Adapter adapter) {
        Map<String, Tensor> out = new LinkedHashMap<>(base);
        for (String t : adapter.config().targets()) {
            Tensor w = base.get(t);
            if (w == null) {
                throw new VivariumException("cannot merge LoRA adapter: the weights have no " + t,
                        "merge the adapter into the model it was trained for");
            }
            out.put(t, MatrixView.plus(t, w, adapter.delta(t)));
        }
        return out;
    }

    /**
     * Returns a checkpoint whose weights are the merged weights (no training state).
     *
     * @param base the base checkpoint
     * @param adapter the adapter (checked against {@code base.config()})
     * @param provenance the provenance of the merged model
     * @return the merged checkpoint
     * @throws VivariumException if the adapter does not fit the base model
     */
    public static Checkpoint merge(Checkpoint base, Adapter adapter, Provenance provenance) {
        adapter.requireFits(base.config());
        return new Checkpoint(base.config(), merge(base.weights(), adapter), base.tokenizer(), provenance);
    }
}
