package org.vivarium.plugin.lorainterp;

import java.util.List;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/** Brute-force reference values for tests, computed one prompt at a time with {@code runWithCache}. */
public final class Residuals {
    private Residuals() {
    }

    /**
     * Returns a hook's vectors for one prompt, heads flattened.
     *
     * @param model the model
     * @param prompt the text
     * @param hook the hook path
     * @return {@code [pos][width]}
     */
    public static float[][] vectors(Model model, String prompt, String hook) {
        int[] ids = model.tokenizer().encode(prompt);
        Tensor t = model.runWithCache(new int[][] {ids}, HookFilter.names(hook)).activations().get(hook);
        int width = t.numel() / ids.length;
        float[][] out = new float[ids.length][width];
        for (int p = 0; p < ids.length; p++) {
            System.arraycopy(t.data(), p * width, out[p], 0, width);
        }
        return out;
    }

    /**
     * Returns the mean over prompts of each prompt's mean vector.
     *
     * @param model the model
     * @param prompts the texts
     * @param hook the hook path
     * @return the mean vector
     */
    public static double[] mean(Model model, List<String> prompts, String hook) {
        double[] acc = null;
        for (String s : prompts) {
            float[][] v = vectors(model, s, hook);
            if (acc == null) {
                acc = new double[v[0].length];
            }
            for (float[] row : v) {
                for (int i = 0; i < row.length; i++) {
                    acc[i] += row[i] / (double) v.length / prompts.size();
                }
            }
        }
        return acc;
    }

    /**
     * Returns the contrastive mean difference.
     *
     * @param model the model
     * @param pos positive prompts
     * @param neg negative prompts
     * @param hook the hook path
     * @return mean(pos) - mean(neg)
     */
    public static double[] meanDifference(Model model, List<String> pos, List<String> neg, String hook) {
        double[] p = mean(model, pos, hook);
        double[] n = mean(model, neg, hook);
        for (int i = 0; i < p.length; i++) {
            p[i] -= n[i];
        }
        return p;
    }

    /**
     * Returns {@code x . d} for every token of a prompt.
     *
     * @param model the model
     * @param prompt the text
     * @param hook the input hook
     * @param d the direction
     * @return one value per token
     */
    public static double[] projections(Model model, String prompt, String hook, float[] d) {
        float[][] v = vectors(model, prompt, hook);
        double[] out = new double[v.length];
        for (int p = 0; p < v.length; p++) {
            for (int i = 0; i < d.length; i++) {
                out[p] += (double) v[p][i] * d[i];
            }
        }
        return out;
    }

    /**
     * Returns the cosine of two vectors.
     *
     * @param a first
     * @param b second
     * @return the cosine
     */
    public static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /**
     * Widens a vector.
     *
     * @param v the values
     * @return as doubles
     */
    public static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
