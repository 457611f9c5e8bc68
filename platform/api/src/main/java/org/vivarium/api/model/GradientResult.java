package org.vivarium.api.model;

import org.vivarium.api.tensor.Tensor;

/**
 * The outcome of one forward and one backward pass ({@link Model#runWithGradients}).
 *
 * @param logits output logits {@code [batch, pos, d_vocab]}
 * @param activations the selected hook points' activations (after hooks), keyed by hook name
 * @param gradients {@code d metric / d activation} at the same hook points, each the activation's shape
 */
public record GradientResult(Tensor logits, Activations activations, Activations gradients) {
}
