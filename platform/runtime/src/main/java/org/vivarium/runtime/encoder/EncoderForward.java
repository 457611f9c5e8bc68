package org.vivarium.runtime.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.checkpoint.encoder.EncoderConfig;
import org.vivarium.runtime.hook.HookDispatcher;
import org.vivarium.runtime.model.Attention;
import org.vivarium.runtime.model.Layers;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.Tensors;

/**
 * The forward pass of a BERT-style encoder, one NDArray op at a time, calling the hook dispatcher at every
 * {@link EncoderHookNames hook point}. Follows Hugging Face's {@code BertModel} (and so its ONNX export) op for op:
 * {@code LN((word + type) + pos)}, then per block {@code ln1(x + attn(x))}, {@code ln2(h + mlp(h))}, with the
 * padding mask added to the scores as {@code (1 - mask) * -Float.MAX_VALUE}.
 */
public final class EncoderForward {
    /** The additive mask value for padded keys: {@code torch.finfo(float32).min}, as in Hugging Face BERT. */
    public static final float MASK_FILL = -Float.MAX_VALUE;

    private final EncoderConfig cfg;
    private final ParameterStore p;

    /**
     * Binds a config to its weights.
     *
     * @param cfg architecture
     * @param params weights with {@link org.vivarium.checkpoint.encoder.EncoderShapes} names
     */
    public EncoderForward(EncoderConfig cfg, ParameterStore params) {
        this.cfg = cfg;
        this.p = params;
    }

    /**
     * Computes the last hidden state.
     *
     * @param m manager for intermediates (close it after the pass)
     * @param tokens {@code [batch, pos]} int64 token ids
     * @param types {@code [batch, pos]} int64 token type ids
     * @param keep {@code [batch, pos]} float32 attention mask, 1 for real tokens and 0 for padding
     * @param hooks the hook session
     * @return the output of the last block's {@code ln2}, {@code [batch, pos, d_model]}
     */
    public NDArray hidden(NDManager m, NDArray tokens, NDArray types, NDArray keep, HookDispatcher hooks) {
        ModelConfig c = cfg.base();
        long b = tokens.getShape().get(0);
        long t = tokens.getShape().get(1);
        NDArray word = hooks.at("hook_embed", p.get("embed.embed.W_E").get(tokens));
        NDArray pos = hooks.at("hook_pos_embed", p.get("embed.pos_embed.W_pos").get(new NDIndex("0:{}", t))
                .expandDims(0).broadcast(new Shape(b, t, c.dModel())));
        NDArray type = hooks.at(EncoderHookNames.TOKEN_TYPE_EMBED.path(),
                p.get("embed.token_type_embed.W_token_type").get(types));
        NDArray x = layerNorm(word.add(type).add(pos), "embed.ln");
        NDArray mask = keep.neg().add(Tensors.scalar(m, 1f)).mul(Tensors.scalar(m, MASK_FILL)).reshape(b, 1, 1, t);
        for (int l = 0; l < c.nLayers(); l++) {
            x = block(m, l, x, mask, hooks);
        }
        return x;
    }

    private NDArray block(NDManager m, int l, NDArray x, NDArray mask, HookDispatcher hooks) {
        String pre = "blocks." + l + ".";
        NDArray residPre = hooks.at(pre + "hook_resid_pre", x);
        NDArray attnOut = hooks.at(pre + "hook_attn_out", attention(m, l, residPre, mask, hooks));
        NDArray residMid = hooks.at(pre + "hook_resid_mid", attnOut.add(residPre));
        NDArray normMid = hooks.at(pre + "ln1.hook_normalized", layerNorm(residMid, pre + "ln1"));
        NDArray hPre = hooks.at(pre + "mlp.hook_pre",
                normMid.matMul(p.get(pre + "mlp.W_in")).add(p.get(pre + "mlp.b_in")));
        NDArray hPost = hooks.at(pre + "mlp.hook_post", activation(hPre));
        NDArray mlpOut = hooks.at(pre + "hook_mlp_out",
                hPost.matMul(p.get(pre + "mlp.W_out")).add(p.get(pre + "mlp.b_out")));
        NDArray residPost = hooks.at(pre + "hook_resid_post", mlpOut.add(normMid));
        return hooks.at(pre + "ln2.hook_normalized", layerNorm(residPost, pre + "ln2"));
    }

    private NDArray attention(NDManager m, int l, NDArray x, NDArray mask, HookDispatcher hooks) {
        String a = "blocks." + l + ".attn.";
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int h = cfg.base().nHeads();
        int e = cfg.base().dHead();
        NDArray q = hooks.at(a + "hook_q", project(x, a, "Q").reshape(b, t, h, e));
        NDArray k = hooks.at(a + "hook_k", project(x, a, "K").reshape(b, t, h, e));
        NDArray v = hooks.at(a + "hook_v", project(x, a, "V").reshape(b, t, h, e));
        NDArray z = Attention.heads(m, hooks, a, q, k, v, mask);
        NDArray wo = p.get(a + "W_O");
        return z.reshape(b, t, (long) h * e).matMul(wo.reshape((long) h * e, cfg.base().dModel()))
                .add(p.get(a + "b_O"));
    }

    /** {@code x W + b} with {@code W [H, D, E]} flattened to {@code [D, H*E]}. */
    private NDArray project(NDArray x, String a, String which) {
        NDArray w = p.get(a + "W_" + which);
        Shape s = w.getShape();
        NDArray flat = w.transpose(1, 0, 2).reshape(s.get(1), s.get(0) * s.get(2));
        return x.matMul(flat).add(p.get(a + "b_" + which).flatten());
    }

    private NDArray layerNorm(NDArray x, String name) {
        NDArray w = p.get(name + ".w");
        return LayerNorm.layerNorm(x, new Shape(w.getShape().get(0)), w, p.get(name + ".b"), cfg.layerNormEps())
                .singletonOrThrow();
    }

    private NDArray activation(NDArray x) {
        return Layers.activation(x, cfg.base().actFn());
    }

    /**
     * Creates the float mask array from 0/1 ints.
     *
     * @param m owning manager
     * @param mask {@code [batch][pos]}
     * @return a {@code [batch, pos]} float32 array
     */
    static NDArray maskArray(NDManager m, int[][] mask) {
        int t = mask[0].length;
        float[] flat = new float[mask.length * t];
        for (int b = 0; b < mask.length; b++) {
            for (int i = 0; i < t; i++) {
                flat[b * t + i] = mask[b][i];
            }
        }
        return m.create(flat, new Shape(mask.length, t));
    }
}
