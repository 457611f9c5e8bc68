package org.vivarium.api.model;

/** Where LayerNorm sits in each block. */
public enum Normalization {
    /** LayerNorm before attention and MLP (GPT-2 style), plus a final LayerNorm. */
    PRE,
    /** LayerNorm after each residual addition (original Transformer / BERT style). */
    POST,
    /** No LayerNorm at all (toy models). */
    NONE
}
