package org.vivarium.api.model;

/**
 * The decoder variations imported Hugging Face models need beyond {@link ModelConfig}'s core fields, named after
 * TransformerLens' {@code HookedTransformerConfig} ({@code normalization_type="RMS"}, {@code eps},
 * {@code gated_mlp}, {@code parallel_attn_mlp}, {@code rotary_dim}, {@code rotary_base}). Models trained in
 * Vivarium use {@link #STANDARD}.
 *
 * <pre>{@code
 * // Llama / Qwen2: RMSNorm, SwiGLU, full rotary with rope_theta
 * DecoderOptions llama = new DecoderOptions(true, 1e-6, true, false, 0, 10000.0);
 * }</pre>
 *
 * @param rmsNorm RMSNorm ({@code x / sqrt(mean(x^2) + eps) * w}, no bias) instead of LayerNorm
 * @param normEps the epsilon inside every norm's square root
 * @param gatedMlp a gated MLP ({@code W_out(act(x W_gate) * (x W_in + b_in))}, SwiGLU with silu)
 * @param parallelAttnMlp attention and MLP both read the block input ({@code x + attn(ln1 x) + mlp(ln2 x)}, GPT-NeoX)
 * @param rotaryDim how many leading features of each head rotary embeddings turn; 0 means all of {@code d_head}
 * @param rotaryBase the rotary frequency base ({@code rope_theta})
 */
public record DecoderOptions(boolean rmsNorm, double normEps, boolean gatedMlp, boolean parallelAttnMlp,
        int rotaryDim, double rotaryBase) {
    /** LayerNorm with eps 1e-5, plain MLP, sequential residual, full rotary with base 10000. */
    public static final DecoderOptions STANDARD = new DecoderOptions(false, 1e-5, false, false, 0, 10000.0);

    /**
     * Returns how many features of a head the rotary embedding turns.
     *
     * @param dHead the head width
     * @return {@code rotaryDim}, or {@code dHead} when it is 0
     */
    public int rotaryDims(int dHead) {
        return rotaryDim == 0 ? dHead : rotaryDim;
    }
}
