package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.runtime.hook.HookDispatcher;

/**
 * The forward pass of a GPT-style decoder, one NDArray op at a time, calling the hook dispatcher at
 * every TransformerLens hook point. Used for inference and (under a gradient collector) training.
 */
public final class TransformerForward {
    private final ModelConfig cfg;
    private final ParameterStore p;
    private final LinearWeights w;

    /**
     * Binds a config to its weights.
     *
     * @param cfg architecture
     * @param params weights with TransformerLens names
     */
    public TransformerForward(ModelConfig cfg, ParameterStore params) {
        this(cfg, params, null);
    }

    /**
     * Binds a config to its weights plus on-the-fly weight changes (e.g. LoRA adapters): every weight matrix
     * {@code W} is used as {@code W + delta}. The caller borrows both {@code params} and {@code deltas} into the
     * pass's manager.
     *
     * @param cfg architecture
     * @param params weights with TransformerLens names
     * @param deltas changes to weight matrices, or {@code null} for none
     */
    public TransformerForward(ModelConfig cfg, ParameterStore params, WeightDeltas deltas) {
        this.cfg = cfg;
        this.p = params;
        this.w = new LinearWeights(params, deltas);
    }

    /**
     * Computes logits.
     *
     * @param m manager for intermediates (close it after the pass)
     * @param tokens {@code [batch, pos]} int64 token ids
     * @param hooks the hook session
     * @return logits {@code [batch, pos, d_vocab]}
     */
    public NDArray logits(NDManager m, NDArray tokens, HookDispatcher hooks) {
        long b = tokens.getShape().get(0);
        long t = tokens.getShape().get(1);
        NDArray x = hooks.at("hook_embed", p.get("embed.W_E").get(tokens));
        if (cfg.positional() == Positional.LEARNED) {
            NDArray pos = p.get("pos_embed.W_pos").get(new NDIndex("0:{}", t)).expandDims(0)
                    .broadcast(new Shape(b, t, cfg.dModel()));
            x = x.add(hooks.at("hook_pos_embed", pos));
        }
        NDArray mask = causalMask(m, t);
        for (int l = 0; l < cfg.nLayers(); l++) {
            x = block(m, l, x, mask, hooks);
        }
        if (cfg.normalization() == Normalization.PRE) {
            x = hooks.at("ln_final.hook_normalized", norm("ln_final", x));
        }
        return x.matMul(p.get("unembed.W_U")).add(p.get("unembed.b_U"));
    }

    private NDArray block(NDManager m, int l, NDArray x, NDArray mask, HookDispatcher hooks) {
        String pre = "blocks." + l + ".";
        boolean prenorm = cfg.normalization() == Normalization.PRE;
        boolean postnorm = cfg.normalization() == Normalization.POST;
        NDArray residPre = hooks.at(pre + "hook_resid_pre", x);
        NDArray attnIn = residPre;
        if (prenorm) {
            attnIn = hooks.at(pre + "ln1.hook_normalized", norm(pre + "ln1", residPre));
        }
        NDArray attnOut = hooks.at(pre + "hook_attn_out", attention(m, l, attnIn, mask, hooks));
        if (cfg.options().parallelAttnMlp() && !cfg.attnOnly()) {
            // GPT-NeoX: x + attn(ln1(x)) + mlp(ln2(x)); resid_mid is then x + attn as TransformerLens has it
            NDArray residMid = hooks.at(pre + "hook_resid_mid", residPre.add(attnOut));
            NDArray mlpIn = prenorm ? hooks.at(pre + "ln2.hook_normalized", norm(pre + "ln2", residPre)) : residPre;
            return hooks.at(pre + "hook_resid_post", residMid.add(mlp(pre, mlpIn, hooks)));
        }
        NDArray mid = residPre.add(attnOut);
        if (postnorm) {
            mid = hooks.at(pre + "ln1.hook_normalized", norm(pre + "ln1", mid));
        }
        if (cfg.attnOnly()) {
            return hooks.at(pre + "hook_resid_post", mid);
        }
        NDArray residMid = hooks.at(pre + "hook_resid_mid", mid);
        NDArray mlpIn = residMid;
        if (prenorm) {
            mlpIn = hooks.at(pre + "ln2.hook_normalized", norm(pre + "ln2", residMid));
        }
        NDArray post = residMid.add(mlp(pre, mlpIn, hooks));
        if (postnorm) {
            post = hooks.at(pre + "ln2.hook_normalized", norm(pre + "ln2", post));
        }
        return hooks.at(pre + "hook_resid_post", post);
    }

    /**
     * The MLP up to {@code hook_mlp_out}. Gated (SwiGLU with silu) as TransformerLens' {@code GatedMLP}:
     * {@code hook_pre = x W_gate}, {@code hook_pre_linear = x W_in + b_in}, {@code hook_post = act(pre) * pre_linear}.
     */
    private NDArray mlp(String pre, NDArray mlpIn, HookDispatcher hooks) {
        NDArray linear = mlpIn.matMul(w.matrix(pre + "mlp.W_in")).add(p.get(pre + "mlp.b_in"));
        NDArray hPost;
        if (cfg.options().gatedMlp()) {
            NDArray gate = hooks.at(pre + "mlp.hook_pre", mlpIn.matMul(w.matrix(pre + "mlp.W_gate")));
            NDArray lin = hooks.at(pre + "mlp.hook_pre_linear", linear);
            hPost = hooks.at(pre + "mlp.hook_post", Layers.activation(gate, cfg.actFn()).mul(lin));
        } else {
            NDArray hPre = hooks.at(pre + "mlp.hook_pre", linear);
            hPost = hooks.at(pre + "mlp.hook_post", Layers.activation(hPre, cfg.actFn()));
        }
        return hooks.at(pre + "hook_mlp_out", hPost.matMul(w.matrix(pre + "mlp.W_out")).add(p.get(pre + "mlp.b_out")));
    }

    private NDArray norm(String name, NDArray x) {
        return Layers.norm(p, name, x, cfg.options());
    }

    private NDArray attention(NDManager m, int l, NDArray x, NDArray mask, HookDispatcher hooks) {
        String a = "blocks." + l + ".attn.";
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int h = cfg.nHeads();
        int e = cfg.dHead();
        NDArray q = hooks.at(a + "hook_q", project(x, a, "Q").reshape(b, t, h, e));
        NDArray k = hooks.at(a + "hook_k", project(x, a, "K").reshape(b, t, h, e));
        NDArray v = hooks.at(a + "hook_v", project(x, a, "V").reshape(b, t, h, e));
        if (cfg.positional() == Positional.ROTARY) {
            int dims = cfg.options().rotaryDims(e);
            q = Rotary.apply(m, q, dims, cfg.options().rotaryBase());
            k = Rotary.apply(m, k, dims, cfg.options().rotaryBase());
        }
        NDArray z = Attention.heads(m, hooks, a, q, k, v, mask);
        return z.reshape(b, t, (long) h * e).matMul(w.matrix(a + "W_O")).add(p.get(a + "b_O"));
    }

    private NDArray project(NDArray x, String a, String which) {
        return x.matMul(w.matrix(a + "W_" + which)).add(p.get(a + "b_" + which).flatten());
    }

    /**
     * Returns a parameter as the pass uses it: its stored value with any weight delta folded in.
     *
     * @param name state-dict name
     * @return the effective parameter, in its stored shape (owned by the current scope if a delta was added)
     */
    NDArray effectiveParameter(String name) {
        return w.effective(name);
    }

    /** Additive mask {@code [T, T]}: 0 on and below the diagonal, -inf above (keys after the query). */
    private static NDArray causalMask(NDManager m, long t) {
        float[] data = new float[(int) (t * t)];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                data[(int) (i * t + j)] = Float.NEGATIVE_INFINITY;
            }
        }
        return m.create(data, new Shape(t, t));
    }
}
