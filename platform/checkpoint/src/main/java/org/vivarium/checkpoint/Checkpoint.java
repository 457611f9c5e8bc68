package org.vivarium.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;

/**
 * Everything a checkpoint directory holds; see {@link CheckpointIO} for the layout on disk.
 *
 * <pre>{@code
 * Checkpoint ck = new Checkpoint(cfg, weights, new SymbolTokenizer(32), provenance, Map.of(), Map.of());
 * CheckpointIO.write(Path.of("runs/induction"), ck);
 * }</pre>
 *
 * @param config the architecture
 * @param weights TransformerLens-named parameters (see {@link ParameterShapes})
 * @param tokenizer the tokenizer
 * @param provenance where the weights came from
 * @param optimizerState optimizer tensors for resuming training (e.g. Adam moments); may be empty
 * @param trainerState scalar trainer state for resuming (step, learning rate, …); may be empty
 */
public record Checkpoint(ModelConfig config, Map<String, Tensor> weights, Tokenizer tokenizer, Provenance provenance,
        Map<String, Tensor> optimizerState, Map<String, String> trainerState) {

    /** Requires the first four components and copies the maps into read-only, name-sorted maps. */
    public Checkpoint {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(provenance, "provenance");
        weights = sorted(weights);
        optimizerState = optimizerState == null ? Map.of() : sorted(optimizerState);
        trainerState = trainerState == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(trainerState));
    }

    /**
     * Creates a checkpoint without training state (for inference-only use).
     *
     * @param config the architecture
     * @param weights the parameters
     * @param tokenizer the tokenizer
     * @param provenance the provenance
     */
    public Checkpoint(ModelConfig config, Map<String, Tensor> weights, Tokenizer tokenizer, Provenance provenance) {
        this(config, weights, tokenizer, provenance, Map.of(), Map.of());
    }

    /**
     * Tells whether training can be resumed from this checkpoint.
     *
     * @return whether optimizer or trainer state is present
     */
    public boolean hasTrainingState() {
        return !optimizerState.isEmpty() || !trainerState.isEmpty();
    }

    private static Map<String, Tensor> sorted(Map<String, Tensor> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(m)));
    }
}
