package org.vivarium.runtime.encoder;

import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;

/**
 * Sentence embeddings from token states, as sentence-transformers computes them for all-MiniLM-L6-v2: the mean of
 * the unmasked positions, divided by its L2 norm.
 *
 * <pre>{@code
 * float[][] e = SentencePooling.meanNormalized(run.logits(), batch.attentionMask());   // [batch][d_model]
 * }</pre>
 */
public final class SentencePooling {
    private SentencePooling() {
    }

    /**
     * Mean-pools and L2-normalises.
     *
     * @param hidden {@code [batch, pos, d_model]}
     * @param mask {@code [batch][pos]}, 1 for real tokens
     * @return one unit vector per row
     */
    public static float[][] meanNormalized(Tensor hidden, int[][] mask) {
        if (hidden.rank() != 3 || hidden.size(0) != mask.length || hidden.size(1) != mask[0].length) {
            throw new VivariumException("cannot pool hidden states of shape " + java.util.Arrays.toString(
                    hidden.shape()) + " with a " + mask.length + "x" + mask[0].length + " mask",
                    "pass the mask of the batch that produced the states");
        }
        int t = hidden.size(1);
        int d = hidden.size(2);
        float[] h = hidden.data();
        float[][] out = new float[mask.length][d];
        for (int b = 0; b < mask.length; b++) {
            double[] sum = new double[d];
            int n = 0;
            for (int i = 0; i < t; i++) {
                if (mask[b][i] == 0) {
                    continue;
                }
                n++;
                int base = (b * t + i) * d;
                for (int j = 0; j < d; j++) {
                    sum[j] += h[base + j];
                }
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                sum[j] /= Math.max(n, 1e-9);
                norm += sum[j] * sum[j];
            }
            norm = Math.max(Math.sqrt(norm), 1e-12);
            for (int j = 0; j < d; j++) {
                out[b][j] = (float) (sum[j] / norm);
            }
        }
        return out;
    }

    /**
     * Cosine similarity of two vectors.
     *
     * @param a first
     * @param b second, same length
     * @return {@code a.b / (|a| |b|)}
     */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
