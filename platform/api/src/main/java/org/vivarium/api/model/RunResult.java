package org.vivarium.api.model;

import org.vivarium.api.tensor.Tensor;

/**
 * The outcome of one forward pass.
 *
 * @param logits output logits {@code [batch, pos, d_vocab]}
 * @param activations activations captured by the cache filter (empty if none)
 */
public record RunResult(Tensor logits, Activations activations) {
}
