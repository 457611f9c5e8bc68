package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.vivarium.runtime.hook.HookDispatcher;
import org.vivarium.runtime.nd.Tensors;

/**
 * Scaled dot-product attention over heads, shared by the decoder ({@link TransformerForward}) and the encoder
 * ({@code runtime.encoder.EncoderForward}), with the hook points TransformerLens names
 * {@code hook_attn_scores}, {@code hook_pattern} and {@code hook_z}.
 */
public final class Attention {
    private Attention() {
    }

    /**
     * Attends: {@code softmax(q k^T / sqrt(d_head) + mask) v}, per head.
     *
     * @param m the manager of this forward pass
     * @param hooks the hook session
     * @param prefix the block's hook prefix, e.g. {@code blocks.0.attn.}
     * @param q queries, {@code [batch, pos, head_index, d_head]}
     * @param k keys, same shape
     * @param v values, same shape
     * @param mask added to the scores (a causal mask, or padding), broadcast to {@code [batch, head, pos, pos]}
     * @return {@code z}, the attention-weighted values, {@code [batch, pos, head_index, d_head]}
     */
    public static NDArray heads(NDManager m, HookDispatcher hooks, String prefix, NDArray q, NDArray k, NDArray v,
            NDArray mask) {
        int e = (int) q.getShape().get(3);
        NDArray scores = q.transpose(0, 2, 1, 3).matMul(k.transpose(0, 2, 3, 1))
                .div(Tensors.scalar(m, (float) Math.sqrt(e)));
        scores = hooks.at(prefix + "hook_attn_scores", scores.add(mask));
        NDArray pattern = hooks.at(prefix + "hook_pattern", scores.softmax(-1));
        return hooks.at(prefix + "hook_z", pattern.matMul(v.transpose(0, 2, 1, 3)).transpose(0, 2, 1, 3));
    }
}
