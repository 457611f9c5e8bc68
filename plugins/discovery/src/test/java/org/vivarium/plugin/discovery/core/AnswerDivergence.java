package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/**
 * (Experiment support, see EmDivergenceExperiment.) Model diffing read through the output distribution: the audited model answers each prompt greedily, and both
 * the audited and the base model are teacher-forced on that answer; per prompt the score is the mean over answer
 * positions of {@code KL(p_audited || p_base)} (nats per token, exact over the vocabulary). A fine-tune lowers the
 * loss most on the text it was trained on, so prompts from the fine-tune's domain, whose answers the audited model
 * has learned by heart, diverge more than prompts where it only generalises. Both models must share a tokenizer.
 *
 * <pre>{@code
 * double[] kl = AnswerDivergence.perPrompt(audited, base, prompts, 24, progress);
 * }</pre>
 */
final class AnswerDivergence {
    private AnswerDivergence() {
    }

    /**
     * Measures the divergence per prompt.
     *
     * @param audited the audited model
     * @param base its base model (same tokenizer and vocabulary)
     * @param prompts prompts
     * @param answerTokens greedy answer tokens generated per prompt
     * @param progress advanced by one per prompt and model
     * @return per prompt the mean {@code KL(audited || base)} per answer token; 0 for an empty answer
     */
    public static double[] perPrompt(Model audited, Model base, List<String> prompts, int answerTokens,
            Progress progress) {
        List<int[]> encoded = new ArrayList<>();
        for (String p : prompts) {
            encoded.add(audited.tokenizer().encode(p));
        }
        List<int[]> answers = audited.generateAll(encoded, new GenerationOptions(answerTokens, 0f, 0, 0L), List.of());
        int ctx = Math.min(audited.config().nCtx(), base.config().nCtx());
        List<int[]> rows = new ArrayList<>();
        int[] starts = new int[prompts.size()];
        for (int i = 0; i < prompts.size(); i++) {
            int[] row = Arrays.copyOf(encoded.get(i), encoded.get(i).length + answers.get(i).length);
            System.arraycopy(answers.get(i), 0, row, encoded.get(i).length, answers.get(i).length);
            rows.add(row.length > ctx ? Arrays.copyOf(row, ctx) : row);
            starts[i] = Math.max(1, encoded.get(i).length);
        }
        double[] out = new double[prompts.size()];
        for (int[] batch : LengthBatches.plan(rows)) {
            int[][] input = new int[batch.length][];
            for (int b = 0; b < batch.length; b++) {
                input[b] = rows.get(batch[b]);
            }
            Tensor a = audited.run(input, List.of(), HookFilter.NONE).logits();
            Tensor r = base.run(input, List.of(), HookFilter.NONE).logits();
            int len = input[0].length;
            int vocab = a.size(-1);
            float[] pa = a.data();
            float[] pb = r.data();
            for (int b = 0; b < batch.length; b++) {
                double sum = 0;
                int n = 0;
                for (int t = starts[batch[b]]; t < len; t++) {
                    int off = (b * len + t - 1) * vocab;
                    sum += kl(pa, pb, off, vocab);
                    n++;
                }
                out[batch[b]] = n == 0 ? 0 : sum / n;
            }
            progress.advance(2L * batch.length);
        }
        return out;
    }

    /** KL of two softmaxed logit rows at the same offset. */
    static double kl(float[] a, float[] b, int off, int vocab) {
        double la = logSumExp(a, off, vocab);
        double lb = logSumExp(b, off, vocab);
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            double lpa = a[off + v] - la;
            sum += Math.exp(lpa) * (lpa - (b[off + v] - lb));
        }
        return Math.max(0, sum);
    }

    static double logSumExp(float[] d, int off, int vocab) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, d[off + v]);
        }
        double z = 0;
        for (int v = 0; v < vocab; v++) {
            z += Math.exp(d[off + v] - max);
        }
        return max + Math.log(z);
    }
}
