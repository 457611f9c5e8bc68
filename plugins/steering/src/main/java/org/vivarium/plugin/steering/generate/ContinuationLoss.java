package org.vivarium.plugin.steering.generate;

import java.util.Arrays;
import java.util.List;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/**
 * A coherence proxy: the unsteered model's mean cross-entropy (nats per token) on generated tokens given
 * their prompt. Text the model itself finds likely scores low; gibberish produced by over-steering scores
 * high. Sequences are right-padded into one batch (attention is causal, so padding after a token never
 * changes its logits).
 */
public final class ContinuationLoss {
    private ContinuationLoss() {
    }

    /**
     * Scores continuations.
     *
     * @param model the model, run without hooks
     * @param continuations generated continuations
     * @return the mean loss over every generated token, or NaN if there are none
     */
    public static double of(Model model, List<Continuation> continuations) {
        int ctx = model.config().nCtx();
        int n = continuations.size();
        int[][] seqs = new int[n][];
        int[] firstTarget = new int[n];
        int width = 1;
        for (int i = 0; i < n; i++) {
            int[] p = continuations.get(i).prompt();
            int[] g = continuations.get(i).generated();
            int total = Math.min(ctx, p.length + g.length);
            int start = p.length + g.length - total;
            seqs[i] = new int[total];
            for (int k = 0; k < total; k++) {
                int j = start + k;
                seqs[i][k] = j < p.length ? p[j] : g[j - p.length];
            }
            firstTarget[i] = Math.max(1, p.length - start);
            width = Math.max(width, total);
        }
        double sum = 0;
        long count = 0;
        for (int from = 0; from < n; from += 16) {
            int to = Math.min(n, from + 16);
            int[][] batch = new int[to - from][];
            for (int i = from; i < to; i++) {
                batch[i - from] = Arrays.copyOf(seqs[i], width);
            }
            Tensor logits = model.runWithHooks(batch, List.of());
            for (int i = from; i < to; i++) {
                for (int t = firstTarget[i]; t < seqs[i].length; t++) {
                    sum += nll(logits.row(i - from, t - 1), seqs[i][t]);
                    count++;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double nll(float[] logits, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double z = 0;
        for (float l : logits) {
            z += Math.exp(l - max);
        }
        return max + Math.log(z) - logits[target];
    }
}
