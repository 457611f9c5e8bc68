package org.vivarium.api.model;

/** How position enters the model. */
public enum Positional {
    /** A learned {@code W_pos [n_ctx, d_model]} added to the token embedding ({@code hook_pos_embed}). */
    LEARNED,
    /** Rotary embeddings applied to queries and keys in every attention layer. */
    ROTARY
}
