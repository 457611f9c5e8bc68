package org.vivarium.plugin.circuits.metric;

import org.vivarium.api.tensor.Tensor;

/**
 * A number read off a forward pass's logits, averaged over the batch: what activation patching and ablation
 * measure. {@link LogitDifference} (higher = more of the answer) and {@link SpanLoss} (lower = better
 * predicted) are the two kinds.
 */
public interface Metric {
    /** @return a short description for reports, e.g. {@code logit(t3) - logit(t7) at the last position} */
    String describe();

    /**
     * Measures the logits of one pass.
     *
     * @param logits {@code [batch, pos, d_vocab]}
     * @return the metric, averaged over the batch
     */
    double measure(Tensor logits);

    /**
     * Differentiates {@link #measure} with respect to the logits, for attribution patching through
     * {@link org.vivarium.api.model.Model#runWithGradients}.
     *
     * @param logits {@code [batch, pos, d_vocab]}
     * @return {@code d measure / d logits}, the same shape
     */
    Tensor gradient(Tensor logits);
}
