package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.vivarium.api.model.ActFn;

/** Stateless building blocks shared by the forward pass: linear maps, LayerNorm, activations. */
final class Layers {
    static final float LN_EPS = 1e-5f;

    private Layers() {
    }

    /**
     * LayerNorm over the last axis with gain and bias.
     *
     * @param x {@code [..., d]}
     * @param w gain {@code [d]}
     * @param b bias {@code [d]}
     * @return the normalised array
     */
    static NDArray layerNorm(NDArray x, NDArray w, NDArray b) {
        // the engine's fused layer_norm: one native op instead of seven (biased variance, eps inside the sqrt)
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(w.getShape().get(0)), w, b, LN_EPS).singletonOrThrow();
    }

    /**
     * The MLP non-linearity.
     *
     * @param x input
     * @param fn which function
     * @return {@code fn(x)}
     */
    static NDArray activation(NDArray x, ActFn fn) {
        switch (fn) {
            case RELU:
                return Activation.relu(x);
            case SILU:
                return x.mul(Activation.sigmoid(x));
            case GELU:
            default:
                // exact GELU, 0.5 x (1 + erf(x / sqrt 2)), as one native op
                return Activation.gelu(x);
        }
    }

    /**
     * Flattens a per-head input projection {@code [H, D, E]} to {@code [D, H*E]}.
     *
     * @param w the weight
     * @return the flattened weight
     */
    static NDArray headsIn(NDArray w) {
        Shape s = w.getShape();
        return w.transpose(1, 0, 2).reshape(s.get(1), s.get(0) * s.get(2));
    }
}
