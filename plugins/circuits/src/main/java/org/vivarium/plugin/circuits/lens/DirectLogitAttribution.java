package org.vivarium.plugin.circuits.lens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.math.Mat;

/**
 * Direct logit attribution per layer and per head (Elhage et al. 2021; TransformerLens'
 * {@code ActivationCache.decompose_resid} / {@code apply_ln_to_stack}). The final residual stream is the sum of
 * the embeddings, every head's output {@code z_h W_O[h]}, every {@code b_O} and every MLP output; each is projected
 * on {@code W_U[:, answer] - W_U[:, wrong]}.
 *
 * <p><b>Approximation</b> (pre-LN models, as TransformerLens does it): the final LayerNorm is not linear. Each
 * component is centred and divided by the LayerNorm scale of the <em>full</em> residual stream at that position,
 * i.e. the scale is frozen; with that, the contributions plus the LayerNorm and unembedding biases add up to the
 * model's logit difference exactly, but a component's number is its direct effect at the actual scale, not what
 * removing it would do (removing it changes the scale, and later layers). Post-LN models are refused: their
 * residual stream is not a sum of component outputs.
 */
public final class DirectLogitAttribution {
    private DirectLogitAttribution() {
    }

    /**
     * Attributes a logit difference at one position, averaged over the batch.
     *
     * @param model the model
     * @param weights {@code model.weights()}
     * @param tokens {@code [batch][pos]} input
     * @param position the position (negative counts from the end)
     * @param answer the answer token
     * @param wrong the subtracted token, or -1 for the answer's logit alone
     * @param label how to show the direction
     * @return the attribution
     * @throws VivariumException for a post-LN model
     */
    public static DlaResult run(Model model, Map<String, Tensor> weights, int[][] tokens, int position, int answer,
            int wrong, String label) {
        ModelConfig cfg = model.config();
        if (cfg.normalization() == Normalization.POST) {
            throw new VivariumException("direct logit attribution needs a pre-LN or LayerNorm-free model; this one is"
                    + " post-LN", "use the logit lens or activation patching on post-LN models");
        }
        Unembed read = Unembed.of(cfg, weights);
        int n = cfg.nLayers();
        boolean learned = cfg.positional() == Positional.LEARNED;
        List<String> names = new ArrayList<>(List.of(HookName.embed().path(), HookName.residPost(n - 1).path()));
        if (learned) {
            names.add(HookName.posEmbed().path());
        }
        for (int l = 0; l < n; l++) {
            names.add(HookName.attn(l, "z").path());
            if (!cfg.attnOnly()) {
                names.add(HookName.mlpOut(l).path());
            }
        }
        RunResult run = model.runWithCache(tokens, HookFilter.names(names.toArray(String[]::new)));
        Activations acts = run.activations();
        Mat[][] wo = new Mat[n][cfg.nHeads()];
        double[][] bo = new double[n][];
        for (int l = 0; l < n; l++) {
            Tensor o = Unembed.need(weights, "blocks." + l + ".attn.W_O");
            for (int h = 0; h < cfg.nHeads(); h++) {
                wo[l][h] = Mat.slice(o, h).transpose(); // [d_model, d_head]
            }
            bo[l] = toDouble(Unembed.need(weights, "blocks." + l + ".attn.b_O").data());
        }
        double[] u = read.direction(answer, wrong);
        int batch = tokens.length;
        int t = tokens[0].length;
        int p = position < 0 ? t + position : position;
        double embed = 0;
        double pos = 0;
        double actual = 0;
        double[][] heads = new double[n][cfg.nHeads()];
        double[] bias = new double[n];
        double[] mlp = cfg.attnOnly() ? new double[0] : new double[n];
        for (int b = 0; b < batch; b++) {
            double scale = read.scale(acts.get(HookName.residPost(n - 1)).row(b, p));
            embed += read.contribution(toDouble(acts.get(HookName.embed()).row(b, p)), u, scale);
            if (learned) {
                pos += read.contribution(toDouble(acts.get(HookName.posEmbed()).row(b, p)), u, scale);
            }
            for (int l = 0; l < n; l++) {
                Tensor z = acts.get(HookName.attn(l, "z"));
                for (int h = 0; h < cfg.nHeads(); h++) {
                    double[] out = wo[l][h].times(toDouble(z.row(b, p, h)));
                    heads[l][h] += read.contribution(out, u, scale);
                }
                bias[l] += read.contribution(bo[l], u, scale);
                if (!cfg.attnOnly()) {
                    mlp[l] += read.contribution(toDouble(acts.get(HookName.mlpOut(l)).row(b, p)), u, scale);
                }
            }
            Tensor logits = run.logits();
            actual += logits.get(b, p, answer) - (wrong >= 0 ? logits.get(b, p, wrong) : 0);
        }
        divide(heads, batch);
        for (int l = 0; l < n; l++) {
            bias[l] /= batch;
            if (mlp.length > 0) {
                mlp[l] /= batch;
            }
        }
        return new DlaResult(label, actual / batch, embed / batch, pos / batch, heads, bias, mlp,
                read.constant(answer, wrong), read.hasFinalNorm());
    }

    private static void divide(double[][] m, int n) {
        for (double[] row : m) {
            for (int i = 0; i < row.length; i++) {
                row[i] /= n;
            }
        }
    }

    static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
