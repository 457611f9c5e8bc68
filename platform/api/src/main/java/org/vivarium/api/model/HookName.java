package org.vivarium.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vivarium.api.VivariumException;

/**
 * A hook point, named exactly as in TransformerLens so researchers can reuse their habits.
 *
 * <p>Shapes (batch first):
 * <ul>
 *   <li>{@code hook_embed}, {@code hook_pos_embed}, {@code blocks.L.hook_resid_pre|mid|post},
 *       {@code blocks.L.hook_attn_out}, {@code blocks.L.hook_mlp_out}, {@code blocks.L.ln1|ln2.hook_normalized},
 *       {@code ln_final.hook_normalized}: {@code [batch, pos, d_model]}</li>
 *   <li>{@code blocks.L.attn.hook_q|hook_k|hook_v|hook_z}: {@code [batch, pos, head, d_head]}</li>
 *   <li>{@code blocks.L.attn.hook_attn_scores|hook_pattern}: {@code [batch, head, query_pos, key_pos]}</li>
 *   <li>{@code blocks.L.mlp.hook_pre|hook_post}: {@code [batch, pos, d_mlp]}; a gated MLP (Llama, Qwen2
 *       SwiGLU, {@link DecoderOptions#gatedMlp()}) also has {@code blocks.L.mlp.hook_pre_linear}, as TransformerLens'
 *       {@code GatedMLP}: {@code hook_pre = x W_gate}, {@code hook_pre_linear = x W_in + b_in},
 *       {@code hook_post = act(hook_pre) * hook_pre_linear}</li>
 * </ul>
 *
 * @param path the dotted name, e.g. {@code blocks.1.attn.hook_pattern}
 */
public record HookName(String path) {
    private static final Pattern BLOCK = Pattern.compile("blocks\\.(\\d+)\\.(.+)");

    /** The site a gated MLP has on top of the others: {@code x W_in + b_in}, multiplied by {@code act(hook_pre)}. */
    public static final String MLP_PRE_LINEAR = "mlp.hook_pre_linear";

    /** Sites inside a block, in forward order ({@link #MLP_PRE_LINEAR} only in models with a gated MLP). */
    public static final List<String> BLOCK_SITES = List.of(
            "hook_resid_pre", "ln1.hook_normalized",
            "attn.hook_q", "attn.hook_k", "attn.hook_v", "attn.hook_attn_scores", "attn.hook_pattern",
            "attn.hook_z", "hook_attn_out", "hook_resid_mid", "ln2.hook_normalized",
            "mlp.hook_pre", MLP_PRE_LINEAR, "mlp.hook_post", "hook_mlp_out", "hook_resid_post");

    /** Validates the path is non-empty. */
    public HookName {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("hook name is empty");
        }
    }

    /** @return {@code hook_embed} */
    public static HookName embed() {
        return new HookName("hook_embed");
    }

    /** @return {@code hook_pos_embed} */
    public static HookName posEmbed() {
        return new HookName("hook_pos_embed");
    }

    /** @param layer block index @return {@code blocks.L.hook_resid_pre} */
    public static HookName residPre(int layer) {
        return block(layer, "hook_resid_pre");
    }

    /** @param layer block index @return {@code blocks.L.hook_resid_mid} */
    public static HookName residMid(int layer) {
        return block(layer, "hook_resid_mid");
    }

    /** @param layer block index @return {@code blocks.L.hook_resid_post} */
    public static HookName residPost(int layer) {
        return block(layer, "hook_resid_post");
    }

    /** @param layer block index @return {@code blocks.L.hook_attn_out} */
    public static HookName attnOut(int layer) {
        return block(layer, "hook_attn_out");
    }

    /** @param layer block index @return {@code blocks.L.hook_mlp_out} */
    public static HookName mlpOut(int layer) {
        return block(layer, "hook_mlp_out");
    }

    /** @param layer block index @return {@code blocks.L.attn.hook_pattern} */
    public static HookName pattern(int layer) {
        return block(layer, "attn.hook_pattern");
    }

    /**
     * Returns an attention-internal hook.
     *
     * @param layer block index
     * @param site one of {@code q, k, v, z, attn_scores, pattern}
     * @return {@code blocks.L.attn.hook_SITE}
     */
    public static HookName attn(int layer, String site) {
        return block(layer, "attn.hook_" + site);
    }

    /** @param layer block index @return {@code blocks.L.mlp.hook_post} */
    public static HookName mlpPost(int layer) {
        return block(layer, "mlp.hook_post");
    }

    /** @return {@code ln_final.hook_normalized} */
    public static HookName lnFinal() {
        return new HookName("ln_final.hook_normalized");
    }

    /**
     * Returns a hook inside block {@code layer}.
     *
     * @param layer block index
     * @param site a member of {@link #BLOCK_SITES}
     * @return the hook name
     */
    public static HookName block(int layer, String site) {
        return new HookName("blocks." + layer + "." + site);
    }

    /**
     * Returns the block index, or -1 for hooks outside blocks.
     *
     * @return the layer
     */
    public int layer() {
        Matcher m = BLOCK.matcher(path);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Returns the site within its block ({@code attn.hook_pattern}) or the whole path outside blocks.
     *
     * @return the site
     */
    public String site() {
        Matcher m = BLOCK.matcher(path);
        return m.matches() ? m.group(2) : path;
    }

    /**
     * Returns whether this hook's tensor has a head axis ({@code [batch, pos, head, d_head]} or
     * {@code [batch, head, q, k]}).
     *
     * @return true for q/k/v/z/attn_scores/pattern
     */
    public boolean hasHeads() {
        return site().startsWith("attn.hook_");
    }

    /**
     * Lists every hook point a model with this config has, in forward order.
     *
     * @param cfg the architecture
     * @return the valid names
     */
    public static List<HookName> allFor(ModelConfig cfg) {
        List<HookName> out = new ArrayList<>();
        out.add(embed());
        if (cfg.positional() == Positional.LEARNED) {
            out.add(posEmbed());
        }
        for (int l = 0; l < cfg.nLayers(); l++) {
            for (String site : BLOCK_SITES) {
                if (exists(cfg, site)) {
                    out.add(block(l, site));
                }
            }
        }
        if (cfg.normalization() == Normalization.PRE) {
            out.add(lnFinal());
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean exists(ModelConfig cfg, String site) {
        boolean norm = cfg.normalization() != Normalization.NONE;
        if (site.startsWith("ln1.")) {
            return norm;
        }
        if (site.startsWith("ln2.")) {
            return norm && !cfg.attnOnly();
        }
        if (site.equals(MLP_PRE_LINEAR)) {
            return !cfg.attnOnly() && cfg.options().gatedMlp();
        }
        if (site.startsWith("mlp.") || site.equals("hook_mlp_out") || site.equals("hook_resid_mid")) {
            return !cfg.attnOnly();
        }
        return true;
    }

    /**
     * Parses and validates a name against a model; an unknown name fails with the list of valid ones.
     *
     * @param text the name as typed
     * @param cfg the model it must belong to
     * @return the hook name
     * @throws VivariumException naming the bad hook and listing valid names
     */
    public static HookName parse(String text, ModelConfig cfg) {
        String t = text == null ? "" : text.trim();
        List<HookName> all = allFor(cfg);
        for (HookName h : all) {
            if (h.path.equals(t)) {
                return h;
            }
        }
        throw new VivariumException("unknown hook name \"" + t + "\" for a " + cfg.nLayers() + "-layer model",
                "valid names are " + summarize(cfg));
    }

    /**
     * Returns the valid names compactly, e.g. {@code hook_embed, blocks.{0..1}.hook_resid_pre, ...}.
     *
     * @param cfg the architecture
     * @return a one-line summary
     */
    public static String summarize(ModelConfig cfg) {
        Set<String> parts = new LinkedHashSet<>();
        String layers = cfg.nLayers() == 1 ? "0" : "{0.." + (cfg.nLayers() - 1) + "}";
        for (HookName h : allFor(cfg)) {
            parts.add(h.layer() >= 0 ? "blocks." + layers + "." + h.site() : h.path);
        }
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return path;
    }
}
