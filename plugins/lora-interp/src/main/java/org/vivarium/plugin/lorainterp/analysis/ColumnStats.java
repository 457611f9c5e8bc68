package org.vivarium.plugin.lorainterp.analysis;

/**
 * One LoRA component {@code k} (column {@code k} of {@code A}, row {@code k} of {@code B}) on the prompt corpus.
 * Activations are {@code sign * (x . a_k)} with the sign of {@link #orientation()}; NaN where not measured.
 *
 * @param k the component index
 * @param orientation the sign given to {@code (a_k, b_k)} and why
 * @param cosMeanDifference cosine of the oriented {@code b_k} with the contrastive mean difference at the output
 *     site
 * @param meanPositive mean activation over all tokens of positive prompts
 * @param meanNegative mean activation over all tokens of negative prompts
 * @param meanAll mean activation over all tokens of all prompts
 * @param auroc AUROC of each prompt's maximum activation, positives against negatives
 */
public record ColumnStats(int k, Orientation orientation, double cosMeanDifference, double meanPositive,
        double meanNegative, double meanAll, double auroc) {
}
