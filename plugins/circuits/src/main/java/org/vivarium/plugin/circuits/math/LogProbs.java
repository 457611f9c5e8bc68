package org.vivarium.plugin.circuits.math;

import org.vivarium.api.tensor.Tensor;

/** Log-probabilities from logits, computed stably in {@code double}. */
public final class LogProbs {
    private LogProbs() {
    }

    /**
     * Returns {@code log softmax(logits[b, p, :])[token]}.
     *
     * @param logits {@code [batch, pos, d_vocab]}
     * @param b batch row
     * @param p position
     * @param token the token id
     * @return the log-probability, at most 0
     */
    public static double of(Tensor logits, int b, int p, int token) {
        int v = logits.size(2);
        float[] d = logits.data();
        int off = (b * logits.size(1) + p) * v;
        return d[off + token] - logSumExp(d, off, v);
    }

    /**
     * Returns the log-softmax of one vector.
     *
     * @param x the logits
     * @return log-probabilities
     */
    public static double[] logSoftmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - max);
        }
        double lse = max + Math.log(s);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - lse;
        }
        return out;
    }

    /**
     * Adds {@code scale * softmax(logits[b, p, :])} into {@code out} at the same offsets (for metric gradients).
     *
     * @param logits {@code [batch, pos, d_vocab]}
     * @param b batch row
     * @param p position
     * @param out an array the size of {@code logits}
     * @param scale the factor
     * @return the offset of {@code [b, p, 0]} in {@code logits.data()}
     */
    public static int addSoftmax(Tensor logits, int b, int p, float[] out, double scale) {
        int v = logits.size(2);
        float[] d = logits.data();
        int off = (b * logits.size(1) + p) * v;
        double lse = logSumExp(d, off, v);
        for (int i = 0; i < v; i++) {
            out[off + i] += (float) (scale * Math.exp(d[off + i] - lse));
        }
        return off;
    }

    private static double logSumExp(float[] d, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, d[off + i]);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(d[off + i] - max);
        }
        return max + Math.log(s);
    }
}
