package org.vivarium.plugin.circuits.metric;

import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.math.LogProbs;

/**
 * Mean next-token cross-entropy (nats) of the target tokens at positions {@code [from, to)}, each predicted
 * from the logits one position earlier, averaged over the span and the batch. With repeated random tokens
 * and the span on the repeat this is the in-context loss.
 *
 * @param targets {@code [batch][pos]} the tokens to predict (the clean sequences)
 * @param from first predicted position, at least 1
 * @param to one past the last predicted position
 */
public record SpanLoss(int[][] targets, int from, int to) implements Metric {
    /** Validates the span. */
    public SpanLoss {
        if (targets.length == 0 || from < 1 || to <= from || to > targets[0].length) {
            throw new IllegalArgumentException("a loss span needs 1 <= from < to <= length, got [" + from + ", " + to
                    + ") for length " + (targets.length == 0 ? 0 : targets[0].length));
        }
    }

    @Override
    public String describe() {
        return "loss (nats) on positions " + from + ".." + (to - 1);
    }

    @Override
    public double measure(Tensor logits) {
        if (logits.size(0) != targets.length) {
            throw new IllegalArgumentException("logits for " + logits.size(0) + " sequences, targets for "
                    + targets.length);
        }
        double s = 0;
        for (int b = 0; b < targets.length; b++) {
            for (int p = from; p < to; p++) {
                s -= LogProbs.of(logits, b, p - 1, targets[b][p]);
            }
        }
        return s / (targets.length * (double) (to - from));
    }

    /** {@code (softmax - onehot(target)) / count} at each predicting position, 0 elsewhere. */
    @Override
    public Tensor gradient(Tensor logits) {
        float[] d = new float[logits.numel()];
        double scale = 1.0 / (targets.length * (double) (to - from));
        for (int b = 0; b < targets.length; b++) {
            for (int p = from; p < to; p++) {
                int off = LogProbs.addSoftmax(logits, b, p - 1, d, scale);
                d[off + targets[b][p]] -= (float) scale;
            }
        }
        return Tensor.of(d, logits.shape());
    }
}
