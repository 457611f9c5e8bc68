package org.vivarium.organisms.induction;

import java.util.List;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/**
 * Attention-pattern scores per head, as in Olsson et al. (2022) and the TransformerLens tutorials,
 * measured on repeated random sequences of length {@code 2 * half}.
 *
 * @param previousToken {@code [layer][head]} mean attention from position i to i-1
 * @param prefixMatching {@code [layer][head]} mean attention from a token in the repeat to the token
 *     that followed its earlier occurrence (position i - half + 1)
 * @param duplicate {@code [layer][head]} mean attention to the earlier occurrence of the same token (i - half)
 */
public record HeadScores(float[][] previousToken, float[][] prefixMatching, float[][] duplicate) {

    /**
     * Measures the scores through the public model API ({@code hook_pattern} of every layer).
     *
     * @param model the model
     * @param tokens repeated sequences {@code [batch][2*half]}
     * @param half prefix length
     * @return the scores
     */
    public static HeadScores measure(Model model, int[][] tokens, int half) {
        int layers = model.config().nLayers();
        int heads = model.config().nHeads();
        float[][] prev = new float[layers][heads];
        float[][] prefix = new float[layers][heads];
        float[][] dup = new float[layers][heads];
        var acts = model.runWithCache(tokens, HookFilter.glob("blocks.*.attn.hook_pattern")).activations();
        for (int l = 0; l < layers; l++) {
            Tensor p = acts.get(HookName.pattern(l));
            int b = p.size(0);
            for (int h = 0; h < heads; h++) {
                double sp = 0;
                double sx = 0;
                double sd = 0;
                int np = 0;
                int nx = 0;
                for (int s = 0; s < b; s++) {
                    for (int q = 1; q < 2 * half; q++) {
                        sp += p.get(s, h, q, q - 1);
                        np++;
                    }
                    for (int q = half; q < 2 * half; q++) {
                        sx += p.get(s, h, q, q - half + 1);
                        sd += p.get(s, h, q, q - half);
                        nx++;
                    }
                }
                prev[l][h] = (float) (sp / np);
                prefix[l][h] = (float) (sx / nx);
                dup[l][h] = (float) (sd / nx);
            }
        }
        return new HeadScores(prev, prefix, dup);
    }

    /**
     * Returns the head with the highest score in a layer.
     *
     * @param scores {@code [layer][head]}
     * @param layer the layer
     * @return the head index
     */
    public static int best(float[][] scores, int layer) {
        int best = 0;
        for (int h = 1; h < scores[layer].length; h++) {
            if (scores[layer][h] > scores[layer][best]) {
                best = h;
            }
        }
        return best;
    }

    /**
     * Lists heads whose score passes a threshold, as {@code L1H3} labels.
     *
     * @param scores {@code [layer][head]}
     * @param threshold minimum score
     * @return labels
     */
    public static List<String> above(float[][] scores, float threshold) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int l = 0; l < scores.length; l++) {
            for (int h = 0; h < scores[l].length; h++) {
                if (scores[l][h] >= threshold) {
                    out.add("L" + l + "H" + h);
                }
            }
        }
        return out;
    }
}
