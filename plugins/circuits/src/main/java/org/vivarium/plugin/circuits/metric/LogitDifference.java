package org.vivarium.plugin.circuits.metric;

import org.vivarium.api.tensor.Tensor;

/**
 * {@code logit[answer] - logit[wrong]} at one position (the last by default), averaged over the batch.
 *
 * @param answer the token the clean prompt should predict
 * @param wrong the token the corrupted prompt should predict
 * @param position the position read, negative counts from the end ({@code -1} = last)
 * @param label how the tokens are shown, e.g. {@code t3 - t7}
 */
public record LogitDifference(int answer, int wrong, int position, String label) implements Metric {

    /**
     * At the last position.
     *
     * @param answer the answer token id
     * @param wrong the wrong token id
     * @param label how to show the pair
     * @return the metric
     */
    public static LogitDifference atLast(int answer, int wrong, String label) {
        return new LogitDifference(answer, wrong, -1, label);
    }

    @Override
    public String describe() {
        return "logit difference " + label + " at " + (position == -1 ? "the last position" : "position " + position);
    }

    @Override
    public double measure(Tensor logits) {
        int b = logits.size(0);
        int p = position(logits);
        double s = 0;
        for (int i = 0; i < b; i++) {
            s += logits.get(i, p, answer) - logits.get(i, p, wrong);
        }
        return s / b;
    }

    /** {@code +1/batch} at the answer and {@code -1/batch} at the wrong token, at the read position. */
    @Override
    public Tensor gradient(Tensor logits) {
        int b = logits.size(0);
        int t = logits.size(1);
        int v = logits.size(2);
        int p = position(logits);
        float[] d = new float[logits.numel()];
        for (int i = 0; i < b; i++) {
            int off = (i * t + p) * v;
            d[off + answer] += 1f / b;
            d[off + wrong] -= 1f / b;
        }
        return Tensor.of(d, logits.shape());
    }

    private int position(Tensor logits) {
        int t = logits.size(1);
        int p = position < 0 ? t + position : position;
        if (p < 0 || p >= t) {
            throw new IllegalArgumentException("position " + position + " is outside a sequence of " + t);
        }
        return p;
    }
}
