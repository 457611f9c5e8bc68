package org.vivarium.api.model;

import org.vivarium.api.tensor.Tensor;

/**
 * The gradient of a scalar metric with respect to a forward pass's logits: what
 * {@link Model#runWithGradients} back-propagates. A metric that depends on the model only through its logits
 * (a logit difference, a loss, a KL divergence) is differentiated here in plain Java; the runtime applies the
 * chain rule through the model, so no engine type crosses the API.
 *
 * <pre>{@code
 * // d(logit[7] - logit[3]) / d logits at the last position of one sequence
 * LogitGradient g = logits -> {
 *     float[] d = new float[logits.numel()];
 *     int last = (logits.size(1) - 1) * logits.size(2);
 *     d[last + 7] = 1;
 *     d[last + 3] = -1;
 *     return Tensor.of(d, logits.shape());
 * };
 * }</pre>
 */
@FunctionalInterface
public interface LogitGradient {

    /**
     * Differentiates the metric at these logits.
     *
     * @param logits the pass's logits {@code [batch, pos, d_vocab]}
     * @return {@code d metric / d logits}, the same shape
     */
    Tensor of(Tensor logits);
}
