package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.DecoderOptions;

/**
 * Stateless building blocks shared by the forward passes: linear maps, LayerNorm, RMSNorm, activations (the
 * activations also serve the encoder).
 */
public final class Layers {
    private static final double GELU_TANH_SCALE = Math.sqrt(2.0 / Math.PI);

    private Layers() {
    }

    /**
     * The norm the options name, over the last axis: LayerNorm with gain and bias, or RMSNorm with gain only.
     *
     * @param p the weights
     * @param name the norm's prefix, e.g. {@code blocks.0.ln1}
     * @param x {@code [..., d]}
     * @param opt the decoder options (norm kind and epsilon)
     * @return the normalised array
     */
    static NDArray norm(ParameterStore p, String name, NDArray x, DecoderOptions opt) {
        NDArray w = p.get(name + ".w");
        float eps = (float) opt.normEps();
        return opt.rmsNorm() ? rmsNorm(x, w, eps) : layerNorm(x, w, p.get(name + ".b"), eps);
    }

    /**
     * LayerNorm over the last axis with gain and bias.
     *
     * @param x {@code [..., d]}
     * @param w gain {@code [d]}
     * @param b bias {@code [d]}
     * @param eps added to the variance inside the square root
     * @return the normalised array
     */
    static NDArray layerNorm(NDArray x, NDArray w, NDArray b, float eps) {
        // the engine's fused layer_norm: one native op instead of seven (biased variance, eps inside the sqrt)
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(w.getShape().get(0)), w, b, eps).singletonOrThrow();
    }

    /**
     * RMSNorm over the last axis, as Llama's: {@code x / sqrt(mean(x^2) + eps) * w}.
     *
     * @param x {@code [..., d]}
     * @param w gain {@code [d]}
     * @param eps added to the mean square inside the square root
     * @return the normalised array
     */
    static NDArray rmsNorm(NDArray x, NDArray w, float eps) {
        NDArray ms = x.square().mean(new int[] {-1}, true);
        return x.div(ms.add(eps).sqrt()).mul(w);
    }

    /**
     * The MLP non-linearity.
     *
     * @param x input
     * @param fn which function
     * @return {@code fn(x)}
     */
    public static NDArray activation(NDArray x, ActFn fn) {
        switch (fn) {
            case RELU:
                return Activation.relu(x);
            case SILU:
                return x.mul(Activation.sigmoid(x));
            case GELU_NEW:
                // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), GPT-2's gelu_new
                return x.mul(x.pow(3).mul(0.044715f).add(x).mul((float) GELU_TANH_SCALE).tanh().add(1f)).mul(0.5f);
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
