package org.vivarium.plugin.sae.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.plugin.sae.train.SaeConfig;

/**
 * Everything {@code sae.json} records about a trained SAE besides its weights.
 *
 * @param config the hyper-parameters (kind, latents, k, L1, learning rate, batch, steps, seed, ...)
 * @param dIn the input width
 * @param hook the hook the SAE reads, e.g. {@code blocks.1.hook_resid_post}
 * @param layer the hook's layer, or -1
 * @param data where the training activations came from
 * @param scale the input scaling used in training (already folded into the saved weights)
 * @param metrics the final metrics by name (explained_variance, mse, l0, dead_fraction, ...)
 * @param createdAt ISO-8601 instant
 */
public record SaeInfo(SaeConfig config, int dIn, String hook, int layer,
        DataSource data, float scale, Map<String, Double> metrics, String createdAt) {

    /** Copies the metrics in their order. */
    public SaeInfo {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * The cached run an SAE was trained on, with the run's own provenance.
     *
     * @param store the cache store directory as given
     * @param run the run id
     * @param model the model name the run records
     * @param checkpointHash the checkpoint's content hash the run records
     * @param promptSetHash SHA-256 of the run's prompt set
     * @param dataHash the run provenance's data hash
     * @param trainSeqs sequences trained on, {@code [from, to)}
     * @param evalSeqs sequences evaluated on, {@code [from, to)}
     */
    public record DataSource(String store, String run, String model, String checkpointHash, String promptSetHash,
            String dataHash, int[] trainSeqs, int[] evalSeqs) {
    }

    /**
     * Returns the feature-id prefix of this SAE's latents in the context index: {@code transcoder/L<layer>} for a
     * dictionary reading an MLP input ({@code ln2.hook_normalized}, where {@code viv sae transcoder} trains), else
     * {@code sae/L<layer>}.
     *
     * @return e.g. {@code sae/L1}
     */
    public String featurePrefix() {
        String kind = hook.endsWith(".ln2.hook_normalized") ? "transcoder/" : "sae/";
        return kind + (layer >= 0 ? "L" + layer : hook.replace('.', '_'));
    }
}
