package org.vivarium.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;

/**
 * The architecture of a GPT-style decoder, named as in TransformerLens' {@code HookedTransformerConfig}.
 *
 * <pre>{@code
 * ModelConfig cfg = ModelConfig.builder().nLayers(2).dModel(64).nHeads(4).dVocab(32).nCtx(64)
 *         .attnOnly(true).build();
 * }</pre>
 *
 * @param nLayers number of transformer blocks
 * @param dModel residual stream width
 * @param nHeads attention heads per layer
 * @param dHead width of each head
 * @param dMlp MLP hidden width (ignored when {@code attnOnly})
 * @param dVocab vocabulary size
 * @param nCtx maximum context length
 * @param actFn MLP non-linearity
 * @param attnOnly whether blocks have no MLP
 * @param normalization LayerNorm placement
 * @param positional positional scheme
 * @param options the variations imported models need ({@link DecoderOptions#STANDARD} if {@code null})
 */
public record ModelConfig(int nLayers, int dModel, int nHeads, int dHead, int dMlp, int dVocab, int nCtx,
        ActFn actFn, boolean attnOnly, Normalization normalization, Positional positional, DecoderOptions options) {

    /** Validates every field; the message names the field, the value and the fix. */
    public ModelConfig {
        if (options == null) {
            options = DecoderOptions.STANDARD;
        }
        List<String> bad = new ArrayList<>();
        positive(bad, "n_layers", nLayers);
        positive(bad, "d_model", dModel);
        positive(bad, "n_heads", nHeads);
        positive(bad, "d_head", dHead);
        if (!attnOnly) {
            positive(bad, "d_mlp", dMlp);
        }
        positive(bad, "d_vocab", dVocab);
        positive(bad, "n_ctx", nCtx);
        if (actFn == null) {
            bad.add("act_fn is missing (use gelu, relu or silu)");
        }
        if (normalization == null) {
            bad.add("normalization is missing (use pre, post or none)");
        }
        if (positional == null) {
            bad.add("positional is missing (use learned or rotary)");
        }
        if (positional == Positional.ROTARY && dHead % 2 != 0) {
            bad.add("d_head=" + dHead + " must be even for rotary embeddings");
        }
        checkOptions(bad, options, dHead);
        if (!bad.isEmpty()) {
            throw new VivariumException("invalid model config: " + String.join("; ", bad),
                    "fix these values in config.json");
        }
    }

    /**
     * A config with {@link DecoderOptions#STANDARD} options, as every model trained in Vivarium has.
     *
     * @param nLayers number of transformer blocks
     * @param dModel residual stream width
     * @param nHeads attention heads per layer
     * @param dHead width of each head
     * @param dMlp MLP hidden width (ignored when {@code attnOnly})
     * @param dVocab vocabulary size
     * @param nCtx maximum context length
     * @param actFn MLP non-linearity
     * @param attnOnly whether blocks have no MLP
     * @param normalization LayerNorm placement
     * @param positional positional scheme
     */
    public ModelConfig(int nLayers, int dModel, int nHeads, int dHead, int dMlp, int dVocab, int nCtx,
            ActFn actFn, boolean attnOnly, Normalization normalization, Positional positional) {
        this(nLayers, dModel, nHeads, dHead, dMlp, dVocab, nCtx, actFn, attnOnly, normalization, positional,
                DecoderOptions.STANDARD);
    }

    private static void checkOptions(List<String> bad, DecoderOptions o, int dHead) {
        if (!(o.normEps() > 0)) {
            bad.add("norm_eps=" + o.normEps() + " must be > 0");
        }
        if (!(o.rotaryBase() > 0)) {
            bad.add("rotary_base=" + o.rotaryBase() + " must be > 0");
        }
        if (o.rotaryDim() < 0 || o.rotaryDim() > dHead || o.rotaryDim() % 2 != 0) {
            bad.add("rotary_dim=" + o.rotaryDim() + " must be even and between 0 (all) and d_head=" + dHead);
        }
    }

    private static void positive(List<String> bad, String name, int v) {
        if (v <= 0) {
            bad.add(name + "=" + v + " must be > 0");
        }
    }

    /**
     * Returns the number of parameters, embeddings included.
     *
     * @return the parameter count
     */
    public long parameterCount() {
        long d = dModel;
        long perBlock = 4L * nHeads * dHead * d + 3L * nHeads * dHead + d;
        if (!attnOnly) {
            perBlock += (options.gatedMlp() ? 3L : 2L) * d * dMlp + dMlp + d;
        }
        long normParams = options.rmsNorm() ? d : 2L * d;
        if (normalization != Normalization.NONE) {
            perBlock += (attnOnly ? 1L : 2L) * normParams;
        }
        long total = nLayers * perBlock + (long) dVocab * d * 2 + dVocab;
        if (positional == Positional.LEARNED) {
            total += (long) nCtx * d;
        }
        if (normalization == Normalization.PRE) {
            total += normParams;
        }
        return total;
    }

    /**
     * Parses an enum value case-insensitively with a clear error.
     *
     * @param type the enum class
     * @param field the config field name, for the message
     * @param value the text
     * @param <E> the enum type
     * @return the constant
     */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> ok = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                ok.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw new VivariumException("invalid model config: " + field + "=\"" + value + "\"",
                    "use one of " + ok);
        }
    }

    /**
     * Starts a builder with small, sensible defaults (2 layers, d_model 64, 4 heads of 16).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction of a {@link ModelConfig}; {@code dHead} defaults to {@code dModel / nHeads}. */
    public static final class Builder {
        private int nLayers = 2;
        private int dModel = 64;
        private int nHeads = 4;
        private int dHead = -1;
        private int dMlp = -1;
        private int dVocab = 64;
        private int nCtx = 64;
        private ActFn actFn = ActFn.GELU;
        private boolean attnOnly;
        private Normalization normalization = Normalization.PRE;
        private Positional positional = Positional.LEARNED;
        private DecoderOptions options = DecoderOptions.STANDARD;

        private Builder() {
        }

        /** @param v number of layers @return this */
        public Builder nLayers(int v) {
            nLayers = v;
            return this;
        }

        /** @param v residual width @return this */
        public Builder dModel(int v) {
            dModel = v;
            return this;
        }

        /** @param v heads per layer @return this */
        public Builder nHeads(int v) {
            nHeads = v;
            return this;
        }

        /** @param v head width @return this */
        public Builder dHead(int v) {
            dHead = v;
            return this;
        }

        /** @param v MLP width @return this */
        public Builder dMlp(int v) {
            dMlp = v;
            return this;
        }

        /** @param v vocabulary size @return this */
        public Builder dVocab(int v) {
            dVocab = v;
            return this;
        }

        /** @param v context length @return this */
        public Builder nCtx(int v) {
            nCtx = v;
            return this;
        }

        /** @param v activation function @return this */
        public Builder actFn(ActFn v) {
            actFn = v;
            return this;
        }

        /** @param v whether blocks have no MLP @return this */
        public Builder attnOnly(boolean v) {
            attnOnly = v;
            return this;
        }

        /** @param v LayerNorm placement @return this */
        public Builder normalization(Normalization v) {
            normalization = v;
            return this;
        }

        /** @param v positional scheme @return this */
        public Builder positional(Positional v) {
            positional = v;
            return this;
        }

        /** @param v the variations of imported models @return this */
        public Builder options(DecoderOptions v) {
            options = v;
            return this;
        }

        /**
         * Builds and validates the config.
         *
         * @return the config
         */
        public ModelConfig build() {
            int dh = dHead > 0 ? dHead : (nHeads > 0 ? Math.max(1, dModel / nHeads) : dHead);
            int dm = dMlp > 0 ? dMlp : (attnOnly ? 0 : 4 * dModel);
            return new ModelConfig(nLayers, dModel, nHeads, dh, dm, dVocab, nCtx, actFn, attnOnly,
                    normalization, positional, options);
        }
    }
}
