package org.vivarium.plugin.discovery.diff;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.discovery.core.LengthBatches;

/**
 * Model diffing at the decision point: for each prompt, the fine-tuned model's residual stream at the last
 * prompt position (where the answer starts) minus the base model's, at one hook. The fine-tune starts from the
 * base weights, so the two residual bases line up. A prompt's score is how far its difference lies from the
 * corpus-mean difference (what the fine-tune changed everywhere), so prompts the fine-tune treats specially
 * stand out.
 *
 * @param hook the hook compared
 * @param scores per prompt, {@code |d_i - mean(d)|}
 * @param norms per prompt, {@code |d_i|}
 * @param meanNorm the norm of the mean difference
 */
public record ActivationDiff(String hook, double[] scores, double[] norms, double meanNorm) {

    /**
     * Measures the difference on every prompt.
     *
     * @param tuned the audited (fine-tuned) model
     * @param base its base model
     * @param hook the hook, e.g. the last layer's {@code hook_resid_post}
     * @param prompts the corpus
     * @param progress advanced by one per prompt
     * @return the scores
     */
    public static ActivationDiff measure(Model tuned, Model base, HookName hook, List<String> prompts,
            Progress progress) {
        List<int[]> rows = new ArrayList<>();
        for (String p : prompts) {
            rows.add(WordDiff.encode(tuned, p));
        }
        float[][] delta = new float[rows.size()][];
        HookFilter filter = HookFilter.names(hook.path());
        for (int[] batch : LengthBatches.plan(rows)) {
            float[][] dd = WordDiff.diffs(tuned, base, filter, hook, rows, batch);
            for (int b = 0; b < batch.length; b++) {
                delta[batch[b]] = dd[b];
            }
            progress.advance(batch.length);
        }
        int d = delta.length == 0 ? 0 : delta[0].length;
        double[] mean = new double[d];
        for (float[] x : delta) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[k] / (double) delta.length;
            }
        }
        double[] scores = new double[delta.length];
        double[] norms = new double[delta.length];
        for (int i = 0; i < delta.length; i++) {
            double s = 0;
            double n = 0;
            for (int k = 0; k < d; k++) {
                double v = delta[i][k] - mean[k];
                s += v * v;
                n += (double) delta[i][k] * delta[i][k];
            }
            scores[i] = Math.sqrt(s);
            norms[i] = Math.sqrt(n);
        }
        double mn = 0;
        for (double v : mean) {
            mn += v * v;
        }
        return new ActivationDiff(hook.path(), scores, norms, Math.sqrt(mn));
    }
}
