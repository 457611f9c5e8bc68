package org.vivarium.plugin.discovery.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.discovery.core.AnswerShift;
import org.vivarium.plugin.discovery.core.LengthBatches;

/**
 * Paired model diffing per word: what inserting a word into a clean prompt does to the residual stream at the
 * answer start, in the fine-tuned model minus in the base model,
 * {@code dd(w) = mean_p [(T(p+w) - T(p)) - (B(p+w) - B(p))]}. Pairing with the clean prompt removes the
 * prompt's own content (without it, the clean questions of the corpus outscored every inserted word: seed 1's
 * top 32 unpaired contexts held no inserted word), and subtracting the base removes what the word did before the
 * fine-tune. A word's score is how far its {@code dd} lies from the mean over all words (what the fine-tune did to
 * any inserted word), so a word the fine-tune taught something special stands out.
 *
 * @param hook the hook compared
 * @param words the words, in the order of {@code scores}
 * @param scores per word, {@code |dd(w) - mean_w dd|}
 * @param contexts per word, the first prompt with the word inserted (its context in the index)
 * @param meanNorm the norm of the mean over words
 */
public record WordDiff(String hook, List<String> words, double[] scores, List<String> contexts, double meanNorm) {

    /**
     * Measures every word.
     *
     * @param tuned the audited (fine-tuned) model
     * @param base its base model
     * @param hook the hook, e.g. the last layer's {@code hook_resid_post}
     * @param prompts clean prompts the words go into (a fit split)
     * @param words the candidate words
     * @param insertion the target's insertion
     * @param progress advanced by one per word-prompt row
     * @return the scores
     */
    public static WordDiff measure(Model tuned, Model base, HookName hook, List<String> prompts, List<String> words,
            AnswerShift.Insertion insertion, Progress progress) {
        List<int[]> cleanRows = new ArrayList<>();
        for (String p : prompts) {
            cleanRows.add(encode(tuned, p));
        }
        float[][] clean = diffs(tuned, base, hook, cleanRows);
        List<int[]> rows = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        for (String w : words) {
            for (int j = 0; j < prompts.size(); j++) {
                String text = insertion.insert(prompts.get(j), w, j);
                if (j == 0) {
                    contexts.add(text);
                }
                rows.add(encode(tuned, text));
            }
        }
        int d = tuned.config().dModel();
        double[][] perWord = new double[words.size()][d];
        HookFilter filter = HookFilter.names(hook.path());
        for (int[] batch : LengthBatches.plan(rows)) {
            float[][] dd = diffs(tuned, base, filter, hook, rows, batch);
            for (int b = 0; b < batch.length; b++) {
                int word = batch[b] / prompts.size();
                float[] c = clean[batch[b] % prompts.size()];
                for (int k = 0; k < d; k++) {
                    perWord[word][k] += (dd[b][k] - c[k]) / prompts.size();
                }
            }
            progress.advance(batch.length);
        }
        double[] mean = new double[d];
        for (double[] v : perWord) {
            for (int k = 0; k < d; k++) {
                mean[k] += v[k] / perWord.length;
            }
        }
        double[] scores = new double[perWord.length];
        for (int i = 0; i < perWord.length; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                double v = perWord[i][k] - mean[k];
                s += v * v;
            }
            scores[i] = Math.sqrt(s);
        }
        return new WordDiff(hook.path(), List.copyOf(words), scores, List.copyOf(contexts),
                Math.sqrt(Arrays.stream(mean).map(v -> v * v).sum()));
    }

    /** The text's tokens, cut from the left to the model's context. */
    static int[] encode(Model model, String text) {
        int[] t = model.tokenizer().encode(text);
        int n = model.config().nCtx();
        return t.length > n ? Arrays.copyOfRange(t, t.length - n, t.length) : t;
    }

    private static float[][] diffs(Model tuned, Model base, HookName hook, List<int[]> rows) {
        float[][] out = new float[rows.size()][];
        HookFilter filter = HookFilter.names(hook.path());
        for (int[] batch : LengthBatches.plan(rows)) {
            float[][] dd = diffs(tuned, base, filter, hook, rows, batch);
            for (int b = 0; b < batch.length; b++) {
                out[batch[b]] = dd[b];
            }
        }
        return out;
    }

    /** Tuned minus base residual at the last position, one row per batch entry (also {@link ActivationDiff}'s). */
    static float[][] diffs(Model tuned, Model base, HookFilter filter, HookName hook, List<int[]> rows,
            int[] batch) {
        int[][] input = new int[batch.length][];
        for (int b = 0; b < batch.length; b++) {
            input[b] = rows.get(batch[b]);
        }
        Tensor a = tuned.runWithCache(input, filter).activations().get(hook);
        Tensor c = base.runWithCache(input, filter).activations().get(hook);
        int last = input[0].length - 1;
        float[][] out = new float[batch.length][];
        for (int b = 0; b < batch.length; b++) {
            float[] x = a.row(b, last);
            float[] y = c.row(b, last);
            for (int k = 0; k < x.length; k++) {
                x[k] -= y[k];
            }
            out[b] = x;
        }
        return out;
    }
}
