package org.vivarium.plugin.circuits.metric;

import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.math.LogProbs;

/**
 * {@code KL(clean || patched)} of the next-token distributions at the positions that predict tokens
 * {@code [from, to)}, averaged over those positions and the batch: how far a patched run's predictions are from
 * the clean model's (ACDC's default metric). 0 for the clean run itself; higher is worse.
 */
public final class KlDivergence implements Metric {
    private final double[][][] reference;
    private final int from;
    private final int to;

    /**
     * Keeps the clean run's log-probabilities.
     *
     * @param clean the clean run's logits {@code [batch, pos, d_vocab]}
     * @param from first predicted token position, at least 1
     * @param to one past the last predicted token position
     */
    public KlDivergence(Tensor clean, int from, int to) {
        if (from < 1 || to <= from || to > clean.size(1)) {
            throw new IllegalArgumentException("a KL span needs 1 <= from < to <= length, got [" + from + ", " + to
                    + ")");
        }
        this.from = from;
        this.to = to;
        reference = new double[clean.size(0)][to - from][];
        for (int b = 0; b < clean.size(0); b++) {
            for (int p = from; p < to; p++) {
                reference[b][p - from] = logSoftmax(clean, b, p - 1);
            }
        }
    }

    private static double[] logSoftmax(Tensor logits, int b, int p) {
        int v = logits.size(2);
        double[] x = new double[v];
        int off = (b * logits.size(1) + p) * v;
        for (int i = 0; i < v; i++) {
            x[i] = logits.data()[off + i];
        }
        return LogProbs.logSoftmax(x);
    }

    @Override
    public String describe() {
        return "KL(clean || patched) (nats) at the predictions of positions " + from + ".." + (to - 1);
    }

    @Override
    public double measure(Tensor logits) {
        if (logits.size(0) != reference.length) {
            throw new IllegalArgumentException("logits for " + logits.size(0) + " sequences, reference for "
                    + reference.length);
        }
        double s = 0;
        for (int b = 0; b < reference.length; b++) {
            for (int p = from; p < to; p++) {
                double[] ref = reference[b][p - from];
                double[] got = logSoftmax(logits, b, p - 1);
                for (int i = 0; i < ref.length; i++) {
                    s += Math.exp(ref[i]) * (ref[i] - got[i]);
                }
            }
        }
        return s / (reference.length * (double) (to - from));
    }

    /** {@code (softmax(logits) - p_clean) / count} at each predicting position, 0 elsewhere. */
    @Override
    public Tensor gradient(Tensor logits) {
        float[] d = new float[logits.numel()];
        double scale = 1.0 / (reference.length * (double) (to - from));
        for (int b = 0; b < reference.length; b++) {
            for (int p = from; p < to; p++) {
                int off = LogProbs.addSoftmax(logits, b, p - 1, d, scale);
                double[] ref = reference[b][p - from];
                for (int i = 0; i < ref.length; i++) {
                    d[off + i] -= (float) (scale * Math.exp(ref[i]));
                }
            }
        }
        return Tensor.of(d, logits.shape());
    }
}
