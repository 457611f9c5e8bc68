package org.vivarium.checkpoint.encoder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;

/**
 * Everything an encoder checkpoint directory holds; see {@link EncoderCheckpointIO} for the layout on disk.
 *
 * @param config the architecture
 * @param weights TransformerLens {@code HookedEncoder}-named parameters (see {@link EncoderShapes})
 * @param tokenizer the tokenizer (a {@link org.vivarium.checkpoint.tokenizer.WordPieceTokenizer} for BERT models)
 * @param provenance where the weights came from (for imports: the source artifact and its SHA-256)
 */
public record EncoderCheckpoint(EncoderConfig config, Map<String, Tensor> weights, Tokenizer tokenizer,
        Provenance provenance) {

    /** Requires every component and copies the weights into a read-only, name-sorted map. */
    public EncoderCheckpoint {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(provenance, "provenance");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(Objects.requireNonNull(weights))));
    }
}
