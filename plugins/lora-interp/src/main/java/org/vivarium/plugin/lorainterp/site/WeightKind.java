package org.vivarium.plugin.lorainterp.site;

/**
 * The weight matrices lora-interp can interpret, with the TransformerLens name suffix of each.
 */
public enum WeightKind {
    /** {@code attn.W_Q}: reads the attention input, writes queries. */
    W_Q("attn.W_Q"),
    /** {@code attn.W_K}: reads the attention input, writes keys. */
    W_K("attn.W_K"),
    /** {@code attn.W_V}: reads the attention input, writes values. */
    W_V("attn.W_V"),
    /** {@code attn.W_O}: reads the heads' outputs {@code z}, writes the residual stream. */
    W_O("attn.W_O"),
    /** {@code mlp.W_in}: reads the MLP input, writes pre-activations (the linear half of a gated MLP). */
    W_IN("mlp.W_in"),
    /** {@code mlp.W_gate}: in gated (SwiGLU) MLPs only, reads the MLP input, writes the gate's pre-activations. */
    W_GATE("mlp.W_gate"),
    /** {@code mlp.W_out}: reads the MLP's post-activations, writes the residual stream. */
    W_OUT("mlp.W_out");

    private final String suffix;

    WeightKind(String suffix) {
        this.suffix = suffix;
    }

    /** @return the name inside a block, e.g. {@code mlp.W_out} */
    public String suffix() {
        return suffix;
    }

    /** @return whether the weight writes to the residual stream */
    public boolean writesResidual() {
        return this == W_O || this == W_OUT;
    }

    /** @return whether the weight belongs to the MLP */
    public boolean isMlp() {
        return this == W_IN || this == W_GATE || this == W_OUT;
    }
}
