package org.vivarium.plugin.circuits.acdc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.patch.ActivationPatcher;

/**
 * Runs the clean input with some edges of the {@link CircuitGraph} removed: a removed edge's receiver reads the
 * sender's output from the corrupted run instead of its output in this run, and nothing else changes.
 *
 * <p>The hooks patch whole activations, not paths, so each receiver's input is rebuilt in Java inside one forward
 * pass. Hook functions record every head's {@code z}, every MLP's output and the residual stream as the pass goes;
 * at a receiver with removed edges the residual it reads is shifted by {@code sum (out_corrupted - out_now)} over
 * those senders (a head's output is {@code z W_O}; the embeddings' is {@code hook_resid_pre} of block 0), then its
 * LayerNorm and projection are recomputed: {@code attn.hook_q|k|v} (only the receiving heads),
 * {@code ln2.hook_normalized} for an MLP, and the last {@code hook_resid_post} for the logits. Biases are the same
 * in both runs and cancel. Removing every edge therefore gives the corrupted run exactly (the tests check this).
 *
 * <p>Pre-norm models only; the recomputation uses the model's norm ({@code DecoderOptions}: LayerNorm, or RMSNorm
 * without centring or bias for Llama / Qwen2 style models) and its epsilon.
 */
public final class EdgePatchedForward {
    private final Model model;
    private final int[][] clean;
    private final ModelConfig cfg;
    private final int d;
    private final int e;
    private final Map<String, Tensor> w;
    private final Tensor[] corrZ;
    private final Tensor[] corrMlp;
    private final float[] inputDelta;

    /**
     * Reads the weights and caches the corrupted run.
     *
     * @param model a pre-LN model
     * @param clean {@code [batch][pos]} the input that is run
     * @param corrupted {@code [batch][pos]} where removed edges' values come from, the same shape
     * @throws VivariumException for a model without pre-LayerNorm, or inputs of different shapes
     */
    public EdgePatchedForward(Model model, int[][] clean, int[][] corrupted) {
        ActivationPatcher.requireSameShape(clean, corrupted);
        this.model = model;
        this.clean = clean;
        this.cfg = model.config();
        if (cfg.normalization() != Normalization.PRE) {
            throw new VivariumException("edge patching needs a pre-LayerNorm model, this one is "
                    + cfg.normalization(), "use a GPT-style (pre-LN) checkpoint, e.g. the induction organism");
        }
        this.d = cfg.dModel();
        this.e = cfg.dHead();
        this.w = model.weights();
        List<String> names = new ArrayList<>(List.of(HookName.residPre(0).path()));
        for (int l = 0; l < cfg.nLayers(); l++) {
            names.add(HookName.attn(l, "z").path());
            if (!cfg.attnOnly()) {
                names.add(HookName.mlpOut(l).path());
            }
        }
        HookFilter filter = HookFilter.names(names.toArray(String[]::new));
        Activations k = model.runWithCache(corrupted, filter).activations();
        Activations c = model.runWithCache(clean, HookFilter.names(HookName.residPre(0).path())).activations();
        corrZ = new Tensor[cfg.nLayers()];
        corrMlp = new Tensor[cfg.nLayers()];
        for (int l = 0; l < cfg.nLayers(); l++) {
            corrZ[l] = k.get(HookName.attn(l, "z"));
            corrMlp[l] = cfg.attnOnly() ? null : k.get(HookName.mlpOut(l));
        }
        float[] ck = k.get(HookName.residPre(0)).data();
        float[] cc = c.get(HookName.residPre(0)).data();
        inputDelta = new float[ck.length];
        for (int i = 0; i < ck.length; i++) {
            inputDelta[i] = ck[i] - cc[i];
        }
    }

    /** @return the model's architecture */
    public ModelConfig config() {
        return cfg;
    }

    /**
     * Runs the clean input with the given edges removed.
     *
     * @param removed edges of {@link CircuitGraph#of} this model
     * @return logits {@code [batch, pos, d_vocab]}
     */
    public Tensor logits(Set<Edge> removed) {
        return model.runWithHooks(clean, new Pass(removed).hooks());
    }

    /** The state of one forward pass: what has been recorded so far and the shifts already computed. */
    private final class Pass {
        private final Map<Node, Map<Port, List<Node>>> cut = new HashMap<>();
        private final Tensor[] z = new Tensor[cfg.nLayers()];
        private final Tensor[] mlp = new Tensor[cfg.nLayers()];
        private final Map<Node, float[]> shift = new HashMap<>();
        private Tensor resid;

        Pass(Set<Edge> removed) {
            for (Edge x : removed) {
                cut.computeIfAbsent(x.receiver(), n -> new HashMap<>())
                        .computeIfAbsent(x.port(), p -> new ArrayList<>()).add(x.sender());
            }
        }

        List<Hook> hooks() {
            List<Hook> hooks = new ArrayList<>();
            for (int l = 0; l < cfg.nLayers(); l++) {
                final int layer = l;
                boolean headsCut = false;
                for (int h = 0; h < cfg.nHeads(); h++) {
                    headsCut |= cut.containsKey(Node.head(l, h));
                }
                if (headsCut) {
                    hooks.add(Hook.apply(HookName.residPre(l), (n, a) -> record(a)));
                    for (Port p : List.of(Port.Q, Port.K, Port.V)) {
                        hooks.add(Hook.apply(HookName.attn(l, p.id()), (n, a) -> heads(layer, p, a)));
                    }
                }
                hooks.add(Hook.apply(HookName.attn(l, "z"), (n, a) -> {
                    z[layer] = a;
                    return a;
                }));
                if (!cfg.attnOnly()) {
                    if (cut.containsKey(Node.mlp(l))) {
                        hooks.add(Hook.apply(HookName.residMid(l), (n, a) -> record(a)));
                        hooks.add(Hook.apply(HookName.block(l, "ln2.hook_normalized"), (n, a) -> mlpInput(layer)));
                    }
                    hooks.add(Hook.apply(HookName.mlpOut(l), (n, a) -> {
                        mlp[layer] = a;
                        return a;
                    }));
                }
            }
            if (cut.containsKey(Node.output())) {
                hooks.add(Hook.apply(HookName.residPost(cfg.nLayers() - 1), (n, a) -> {
                    float[] x = shifted(a.data(), cut.get(Node.output()).get(Port.IN));
                    return Tensor.of(x, a.shape());
                }));
            }
            return hooks;
        }

        private Tensor record(Tensor a) {
            resid = a;
            return a;
        }

        /** Recomputes the cut heads' q, k or v from the shifted residual stream. */
        private Tensor heads(int l, Port p, Tensor a) {
            float[] out = null;
            String ln = "blocks." + l + ".ln1.";
            String at = "blocks." + l + ".attn.";
            float[] wp = w.get(at + "W_" + p.name()).data();
            float[] bp = w.get(at + "b_" + p.name()).data();
            for (int h = 0; h < cfg.nHeads(); h++) {
                Map<Port, List<Node>> c = cut.get(Node.head(l, h));
                List<Node> senders = c == null ? null : c.get(p);
                if (senders == null) {
                    continue;
                }
                if (out == null) {
                    out = a.data().clone();
                }
                float[] x = norm(shifted(resid.data(), senders), ln);
                int nh = cfg.nHeads();
                int rows = x.length / d;
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < e; j++) {
                        double s = bp[h * e + j];
                        for (int i = 0; i < d; i++) {
                            s += x[r * d + i] * wp[(h * d + i) * e + j];
                        }
                        out[(r * nh + h) * e + j] = (float) s;
                    }
                }
            }
            return out == null ? a : Tensor.of(out, a.shape());
        }

        private Tensor mlpInput(int l) {
            String ln = "blocks." + l + ".ln2.";
            float[] x = norm(shifted(resid.data(), cut.get(Node.mlp(l)).get(Port.IN)), ln);
            return Tensor.of(x, resid.shape());
        }

        /** {@code base + sum over senders (out_corrupted - out_now)}. */
        private float[] shifted(float[] base, List<Node> senders) {
            float[] x = base.clone();
            for (Node s : senders) {
                float[] dx = shift.computeIfAbsent(s, this::delta);
                for (int i = 0; i < x.length; i++) {
                    x[i] += dx[i];
                }
            }
            return x;
        }

        private float[] delta(Node s) {
            switch (s.kind()) {
                case INPUT:
                    return inputDelta;
                case MLP: {
                    float[] k = corrMlp[s.layer()].data();
                    float[] n = mlp[s.layer()].data();
                    float[] out = new float[k.length];
                    for (int i = 0; i < k.length; i++) {
                        out[i] = k[i] - n[i];
                    }
                    return out;
                }
                case HEAD: {
                    float[] k = corrZ[s.layer()].data();
                    float[] n = z[s.layer()].data();
                    float[] wo = w.get("blocks." + s.layer() + ".attn.W_O").data();
                    int nh = cfg.nHeads();
                    int h = s.head();
                    int rows = k.length / (nh * e);
                    float[] out = new float[rows * d];
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < e; j++) {
                            int zi = (r * nh + h) * e + j;
                            double dz = k[zi] - n[zi];
                            if (dz == 0) {
                                continue;
                            }
                            int wi = (h * e + j) * d;
                            for (int i = 0; i < d; i++) {
                                out[r * d + i] += (float) (dz * wo[wi + i]);
                            }
                        }
                    }
                    return out;
                }
                default:
                    throw new IllegalArgumentException("the logits send nothing");
            }
        }
    }

    /** The block's norm {@code ln} ({@code blocks.L.ln1.}) over each row: LayerNorm, or RMSNorm (no centring, no bias). */
    private float[] norm(float[] x, String ln) {
        boolean rms = cfg.options().rmsNorm();
        float[] g = w.get(ln + "w").data();
        float[] b = rms ? null : w.get(ln + "b").data();
        float[] out = new float[x.length];
        for (int r = 0; r < x.length / d; r++) {
            double m = 0;
            for (int i = 0; i < d && !rms; i++) {
                m += x[r * d + i];
            }
            m /= d;
            double v = 0;
            for (int i = 0; i < d; i++) {
                double c = x[r * d + i] - m;
                v += c * c;
            }
            double s = Math.sqrt(v / d + cfg.options().normEps());
            for (int i = 0; i < d; i++) {
                out[r * d + i] = (float) ((x[r * d + i] - m) / s * g[i] + (b == null ? 0 : b[i]));
            }
        }
        return out;
    }
}
