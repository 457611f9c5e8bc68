package org.vivarium.plugin.circuits.lens;

/**
 * Direct logit attribution at one position, averaged over the batch: how much each component writes along a
 * logit-difference direction.
 *
 * @param direction what is attributed, e.g. {@code logit(t5) - logit(t9)}
 * @param actual the model's own value of that logit difference
 * @param embed the token embedding's contribution
 * @param posEmbed the positional embedding's contribution (0 for rotary models)
 * @param heads {@code [layer][head]} each head's output ({@code z_h W_O[h]})
 * @param attnBias {@code [layer]} the attention output bias {@code b_O}
 * @param mlp {@code [layer]} the MLP output (empty for attention-only models)
 * @param constant what no component writes: the final LayerNorm bias and {@code b_U}
 * @param frozenScale whether the final LayerNorm scale was frozen (pre-LN models)
 */
public record DlaResult(String direction, double actual, double embed, double posEmbed, double[][] heads,
        double[] attnBias, double[] mlp, double constant, boolean frozenScale) {

    /** @return the sum of all contributions and the constant; equals {@link #actual()} up to float rounding */
    public double sum() {
        double s = embed + posEmbed + constant;
        for (int l = 0; l < heads.length; l++) {
            for (double h : heads[l]) {
                s += h;
            }
            s += attnBias[l];
            s += mlp.length > 0 ? mlp[l] : 0;
        }
        return s;
    }

    /**
     * @param layer block index
     * @return the attention layer's total (heads plus bias)
     */
    public double attention(int layer) {
        double s = attnBias[layer];
        for (double h : heads[layer]) {
            s += h;
        }
        return s;
    }
}
