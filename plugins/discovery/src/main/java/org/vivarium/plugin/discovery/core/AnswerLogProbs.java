package org.vivarium.plugin.discovery.core;

import java.util.List;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/** Teacher-forced log-probabilities of the answer part of token sequences, in equal-length batches. */
public final class AnswerLogProbs {
    private AnswerLogProbs() {
    }

    /**
     * Sums {@code log p(token[t] | tokens[..t])} over each row's answer tokens.
     *
     * @param model the model
     * @param rows prompt tokens followed by answer tokens, each at most {@code n_ctx} long
     * @param answerStart per row, the index of its first answer token (at least 1)
     * @param progress advanced by one per row
     * @return per row the summed log-probability of its answer tokens (nats)
     */
    public static double[] of(Model model, List<int[]> rows, int[] answerStart, Progress progress) {
        return of(model, rows, answerStart, List::of, progress);
    }

    /**
     * Sums {@code log p(token[t] | tokens[..t])} over each row's answer tokens with hooks on every forward pass.
     *
     * @param model the model
     * @param rows prompt tokens followed by answer tokens, each at most {@code n_ctx} long
     * @param answerStart per row, the index of its first answer token (at least 1)
     * @param hooks gives the hooks for each forward pass (fresh per batch)
     * @param progress advanced by one per row
     * @return per row the summed log-probability of its answer tokens (nats)
     */
    public static double[] of(Model model, List<int[]> rows, int[] answerStart,
            java.util.function.Supplier<List<Hook>> hooks, Progress progress) {
        double[] out = new double[rows.size()];
        for (int[] batch : LengthBatches.plan(rows)) {
            int[][] input = new int[batch.length][];
            for (int b = 0; b < batch.length; b++) {
                input[b] = rows.get(batch[b]);
            }
            Tensor logits = model.run(input, hooks.get(), HookFilter.NONE).logits();
            int len = input[0].length;
            int vocab = logits.size(-1);
            float[] d = logits.data();
            for (int b = 0; b < batch.length; b++) {
                double sum = 0;
                for (int t = answerStart[batch[b]]; t < len; t++) {
                    int off = (b * len + t - 1) * vocab;
                    sum += logSoftmax(d, off, vocab, input[b][t]);
                }
                out[batch[b]] = sum;
            }
            progress.advance(batch.length);
        }
        return out;
    }

    private static double logSoftmax(float[] d, int off, int vocab, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, d[off + v]);
        }
        double z = 0;
        for (int v = 0; v < vocab; v++) {
            z += Math.exp(d[off + v] - max);
        }
        return d[off + target] - max - Math.log(z);
    }
}
