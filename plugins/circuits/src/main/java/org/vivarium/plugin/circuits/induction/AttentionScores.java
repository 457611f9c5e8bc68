package org.vivarium.plugin.circuits.induction;

import org.vivarium.api.model.Activations;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/**
 * Attention-pattern scores per head on repeated sequences {@code A A} (Olsson et al. 2022).
 *
 * @param previousToken {@code [layer][head]} mean attention from position {@code i} to {@code i-1}
 * @param induction {@code [layer][head]} mean attention from a token in the repeat to the token after its earlier
 *     occurrence ({@code i - half + 1}), the prefix-matching score
 */
public record AttentionScores(double[][] previousToken, double[][] induction) {

    /**
     * Measures the scores.
     *
     * @param model the model
     * @param seqs repeated sequences (the clean ones are used)
     * @return the scores
     */
    public static AttentionScores measure(Model model, RepeatedSequences seqs) {
        int layers = model.config().nLayers();
        int heads = model.config().nHeads();
        int half = seqs.half();
        double[][] prev = new double[layers][heads];
        double[][] ind = new double[layers][heads];
        Activations acts = model.runWithCache(seqs.clean(), HookFilter.glob("blocks.*.attn.hook_pattern")).activations();
        for (int l = 0; l < layers; l++) {
            Tensor p = acts.get(HookName.pattern(l));
            int b = p.size(0);
            for (int h = 0; h < heads; h++) {
                double sp = 0;
                double si = 0;
                for (int s = 0; s < b; s++) {
                    for (int q = 1; q < 2 * half; q++) {
                        sp += p.get(s, h, q, q - 1);
                    }
                    for (int q = half; q < 2 * half; q++) {
                        si += p.get(s, h, q, q - half + 1);
                    }
                }
                prev[l][h] = sp / (b * (2.0 * half - 1));
                ind[l][h] = si / (b * (double) half);
            }
        }
        return new AttentionScores(prev, ind);
    }
}
