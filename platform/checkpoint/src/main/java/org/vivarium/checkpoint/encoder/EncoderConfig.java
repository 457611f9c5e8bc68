package org.vivarium.checkpoint.encoder;

import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.checkpoint.ParameterShapes;

/**
 * The architecture of a BERT-style encoder: a {@link ModelConfig} for the shared sizes plus what only encoders have.
 * Attention is bidirectional (with a padding mask), LayerNorm sits after each residual addition (post-LN) and after
 * the embedding sum, and there is no unembedding.
 *
 * <pre>{@code
 * ModelConfig base = ModelConfig.builder().nLayers(6).dModel(384).nHeads(12).dMlp(1536).dVocab(30522).nCtx(512)
 *         .normalization(Normalization.POST).build();
 * EncoderConfig cfg = new EncoderConfig(base, 2, 1e-12f);   // all-MiniLM-L6-v2
 * }</pre>
 *
 * @param base layer count and widths; must be post-LN with learned positions and MLPs
 * @param nTokenTypes number of token types (segments), 2 for BERT
 * @param layerNormEps the epsilon inside every LayerNorm's square root, 1e-12 for BERT
 */
public record EncoderConfig(ModelConfig base, int nTokenTypes, float layerNormEps) {

    /** Validates the encoder-specific fields and that the base describes a post-LN encoder. */
    public EncoderConfig {
        if (base == null) {
            throw new VivariumException("encoder config has no base model config", "fix config.json");
        }
        if (base.normalization() != Normalization.POST || base.positional() != Positional.LEARNED
                || base.attnOnly()) {
            throw new VivariumException("invalid encoder config: normalization=" + lower(base.normalization())
                    + ", positional=" + lower(base.positional()) + ", attn_only=" + base.attnOnly(),
                    "encoders are supported with normalization=post, positional=learned and attn_only=false");
        }
        if (nTokenTypes <= 0) {
            throw new VivariumException("invalid encoder config: n_token_types=" + nTokenTypes + " must be > 0",
                    "fix config.json");
        }
        if (!(layerNormEps > 0f) || Float.isInfinite(layerNormEps)) {
            throw new VivariumException("invalid encoder config: eps=" + layerNormEps + " must be a positive number",
                    "fix config.json");
        }
    }

    /** @return the number of parameters, from {@link EncoderShapes} */
    public long parameterCount() {
        return ParameterShapes.total(EncoderShapes.forConfig(this));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }
}
