package org.vivarium.plugin.circuits.lens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.math.LogProbs;

/**
 * The logit lens (nostalgebraist 2020): read the residual stream before every block, and after the last, through
 * the model's own final LayerNorm and unembedding, as if the remaining blocks were skipped. The final row equals
 * the model's logits.
 */
public final class LogitLens {
    private LogitLens() {
    }

    /**
     * Runs the lens over one prompt.
     *
     * @param model the model
     * @param weights {@code model.weights()}
     * @param tokens the prompt
     * @param position where the top tokens are read (negative counts from the end)
     * @param answer a token to track at {@code position}, or -1
     * @param k top tokens per row
     * @return the lens
     */
    public static LensResult run(Model model, Map<String, Tensor> weights, int[] tokens, int position, int answer,
            int k) {
        ModelConfig cfg = model.config();
        Unembed read = Unembed.of(cfg, weights);
        Tokenizer tok = model.tokenizer();
        int n = cfg.nLayers();
        List<HookName> hooks = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            hooks.add(HookName.residPre(l));
            rows.add("before L" + l);
        }
        hooks.add(HookName.residPost(n - 1));
        rows.add("final");
        Activations acts = model.runWithCache(new int[][] {tokens},
                HookFilter.names(hooks.stream().map(HookName::path).toArray(String[]::new))).activations();
        int t = tokens.length;
        int pos = position < 0 ? t + position : position;
        double[][] next = new double[hooks.size()][t];
        List<List<LensResult.TokenScore>> top = new ArrayList<>();
        double[] ansLp = answer >= 0 ? new double[hooks.size()] : new double[0];
        int[] ansRank = answer >= 0 ? new int[hooks.size()] : new int[0];
        for (int r = 0; r < hooks.size(); r++) {
            Tensor x = acts.get(hooks.get(r));
            for (int p = 0; p < t; p++) {
                double[] lp = LogProbs.logSoftmax(read.logits(x.row(0, p)));
                next[r][p] = p + 1 < t ? lp[tokens[p + 1]] : Double.NaN;
                if (p == pos) {
                    top.add(topK(lp, k, tok));
                    if (answer >= 0) {
                        ansLp[r] = lp[answer];
                        ansRank[r] = rank(lp, answer);
                    }
                }
            }
        }
        return new LensResult(rows, next, pos, top, answer, ansLp, ansRank);
    }

    private static List<LensResult.TokenScore> topK(double[] lp, int k, Tokenizer tok) {
        Integer[] idx = new Integer[lp.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -lp[i]));
        List<LensResult.TokenScore> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, idx.length); i++) {
            out.add(new LensResult.TokenScore(idx[i], tok.tokenText(idx[i]), Math.exp(lp[idx[i]])));
        }
        return out;
    }

    private static int rank(double[] lp, int token) {
        int r = 1;
        for (double v : lp) {
            if (v > lp[token]) {
                r++;
            }
        }
        return r;
    }
}
