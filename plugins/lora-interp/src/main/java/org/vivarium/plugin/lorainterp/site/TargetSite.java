package org.vivarium.plugin.lorainterp.site;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;

/**
 * One adapted weight placed in the forward pass, in the {@code [in, out]} matrix view the adapter uses.
 *
 * <table>
 *   <caption>input and output hooks per weight (pre-LN models; without pre-LN the input is the raw stream)</caption>
 *   <tr><th>weight</th><th>input hook ({@code x} in {@code x . a})</th><th>output hook</th></tr>
 *   <tr><td>{@code blocks.L.attn.W_Q|W_K|W_V}</td><td>{@code blocks.L.ln1.hook_normalized}
 *       ({@code hook_resid_pre} without pre-LN)</td><td>{@code blocks.L.attn.hook_q|k|v}, heads flattened</td></tr>
 *   <tr><td>{@code blocks.L.attn.W_O}</td><td>{@code blocks.L.attn.hook_z}, heads flattened
 *       ({@code h * d_head + e})</td><td>{@code blocks.L.hook_resid_post}</td></tr>
 *   <tr><td>{@code blocks.L.mlp.W_in}</td><td>{@code blocks.L.ln2.hook_normalized}
 *       ({@code hook_resid_mid} without pre-LN)</td><td>{@code blocks.L.mlp.hook_pre}; in a gated MLP
 *       {@code blocks.L.mlp.hook_pre_linear}</td></tr>
 *   <tr><td>{@code blocks.L.mlp.W_gate} (gated MLPs)</td><td>as {@code W_in}</td>
 *       <td>{@code blocks.L.mlp.hook_pre}</td></tr>
 *   <tr><td>{@code blocks.L.mlp.W_out}</td><td>{@code blocks.L.mlp.hook_post}</td>
 *       <td>{@code blocks.L.hook_resid_post}</td></tr>
 * </table>
 *
 * <p>Weights that write the residual stream are compared at {@code hook_resid_post} of their layer, the first
 * residual site that contains their contribution. The output hooks of {@code W_Q|W_K|W_V} are read before
 * rotary embeddings are applied, so they are exactly {@code x W + b}.
 *
 * @param target the weight name, e.g. {@code blocks.2.mlp.W_out}
 * @param layer its block
 * @param kind which matrix
 * @param input the hook holding the weight's input
 * @param output the hook holding its output (residual site for residual writers)
 * @param inWidth the input width
 * @param outWidth the output width
 */
public record TargetSite(String target, int layer, WeightKind kind, HookName input, HookName output, int inWidth,
        int outWidth) {
    private static final Pattern NAME = Pattern.compile("blocks\\.(\\d+)\\.(attn\\.W_[QKVO]|mlp\\.W_in|mlp\\.W_gate|mlp\\.W_out)");
    private static final String SUPPORTED = "blocks.L.attn.W_Q|W_K|W_V|W_O and blocks.L.mlp.W_in|W_gate|W_out"
            + " (W_gate in gated MLPs)";

    /**
     * Places a weight in a model.
     *
     * @param target the weight name
     * @param cfg the model's architecture
     * @return the site
     * @throws VivariumException if the weight is not one lora-interp supports or the model has no such weight
     */
    public static TargetSite of(String target, ModelConfig cfg) {
        Matcher m = NAME.matcher(target == null ? "" : target);
        if (!m.matches()) {
            throw new VivariumException("lora-interp cannot interpret the adapted weight \"" + target + "\"",
                    "it supports " + SUPPORTED + "; interpret adapters on those weights");
        }
        int layer = Integer.parseInt(m.group(1));
        WeightKind kind = kindOf(m.group(2));
        boolean gated = cfg.options().gatedMlp();
        if (layer >= cfg.nLayers() || (kind.isMlp() && cfg.attnOnly()) || (kind == WeightKind.W_GATE && !gated)) {
            throw new VivariumException("the adapter targets " + target + " but the model has no such weight ("
                    + cfg.nLayers() + " layers" + (cfg.attnOnly() ? ", attention only" : "")
                    + (gated ? "" : ", no gated MLP") + ")",
                    "pass the checkpoint the adapter was trained on");
        }
        boolean preLn = cfg.normalization() == Normalization.PRE;
        int d = cfg.dModel();
        int heads = cfg.nHeads() * cfg.dHead();
        return switch (kind) {
            case W_Q, W_K, W_V -> new TargetSite(target, layer, kind,
                    HookName.block(layer, preLn ? "ln1.hook_normalized" : "hook_resid_pre"),
                    HookName.attn(layer, kind.name().substring(2).toLowerCase(java.util.Locale.ROOT)), d, heads);
            case W_O -> new TargetSite(target, layer, kind, HookName.attn(layer, "z"), HookName.residPost(layer),
                    heads, d);
            case W_IN, W_GATE -> new TargetSite(target, layer, kind,
                    HookName.block(layer, preLn ? "ln2.hook_normalized" : "hook_resid_mid"),
                    HookName.block(layer, kind == WeightKind.W_IN && gated ? HookName.MLP_PRE_LINEAR : "mlp.hook_pre"),
                    d, cfg.dMlp());
            case W_OUT -> new TargetSite(target, layer, kind, HookName.block(layer, "mlp.hook_post"),
                    HookName.residPost(layer), cfg.dMlp(), d);
        };
    }

    private static WeightKind kindOf(String suffix) {
        for (WeightKind k : WeightKind.values()) {
            if (k.suffix().equals(suffix)) {
                return k;
            }
        }
        throw new IllegalStateException("pattern admitted " + suffix);
    }

    /**
     * Returns the hook where the weight's product {@code x W} lands as a whole vector, for adding a direction
     * there: {@code blocks.L.hook_mlp_out} for {@code mlp.W_out}, {@code blocks.L.hook_attn_out} for
     * {@code attn.W_O}, {@code blocks.L.mlp.hook_pre} for {@code mlp.W_in} ({@code hook_pre_linear} in a gated MLP,
     * whose {@code mlp.W_gate} lands at {@code hook_pre}). {@code W_Q|W_K|W_V} land in
     * {@code attn.hook_q|k|v}, which is per head ({@code [batch, pos, head, d_head]}), so a flattened direction
     * of every head has no single hook to be added at: empty.
     *
     * @return the hook, if there is one of the output width
     */
    public Optional<HookName> landing() {
        return switch (kind) {
            case W_OUT -> Optional.of(HookName.mlpOut(layer));
            case W_O -> Optional.of(HookName.attnOut(layer));
            case W_IN, W_GATE -> Optional.of(output);
            case W_Q, W_K, W_V -> Optional.empty();
        };
    }

    /** @return whether the output is the residual stream (then the unembedding applies) */
    public boolean writesResidual() {
        return kind.writesResidual();
    }

    /**
     * Checks that a factor pair has this weight's shape.
     *
     * @param in rows of {@code A}
     * @param out columns of {@code B}
     * @throws VivariumException if they differ from the model's weight
     */
    public void requireShape(int in, int out) {
        if (in != inWidth || out != outWidth) {
            throw new VivariumException("the adapter's " + target + " is " + in + " x " + out + " but the model's "
                    + "weight is " + inWidth + " x " + outWidth, "pass the checkpoint the adapter was trained on");
        }
    }
}
