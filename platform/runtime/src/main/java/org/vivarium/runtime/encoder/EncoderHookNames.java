package org.vivarium.runtime.encoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vivarium.api.model.HookName;

/**
 * The hook points of an encoder, in forward order, named as in TransformerLens' {@code HookedEncoder} (which nests
 * the three embedding hooks under {@code embed.}; here they are top-level, as in the decoder).
 *
 * <ul>
 *   <li>{@code hook_embed}, {@code hook_pos_embed}, {@code hook_token_type_embed}: {@code [batch, pos, d_model]},
 *       summed and LayerNormed into {@code blocks.0.hook_resid_pre}</li>
 *   <li>per block, post-LN as in TL's {@code BertBlock}: {@code hook_resid_pre}, the attention hooks,
 *       {@code hook_attn_out}, {@code hook_resid_mid} (= resid_pre + attn_out, before LayerNorm),
 *       {@code ln1.hook_normalized}, {@code mlp.hook_pre|hook_post}, {@code hook_mlp_out}, {@code hook_resid_post}
 *       (= ln1 output + mlp_out, before LayerNorm), {@code ln2.hook_normalized} (the block's output)</li>
 *   <li>{@code attn.hook_attn_scores} includes the padding mask (masked keys hold {@code -Float.MAX_VALUE})</li>
 * </ul>
 */
public final class EncoderHookNames {
    /** The token-type (segment) embedding, {@code [batch, pos, d_model]}. */
    public static final HookName TOKEN_TYPE_EMBED = new HookName("hook_token_type_embed");

    /** Sites inside a block, in forward order. */
    public static final List<String> BLOCK_SITES = List.of(
            "hook_resid_pre", "attn.hook_q", "attn.hook_k", "attn.hook_v", "attn.hook_attn_scores",
            "attn.hook_pattern", "attn.hook_z", "hook_attn_out", "hook_resid_mid", "ln1.hook_normalized",
            "mlp.hook_pre", "mlp.hook_post", "hook_mlp_out", "hook_resid_post", "ln2.hook_normalized");

    private EncoderHookNames() {
    }

    /**
     * Lists every hook point of an encoder.
     *
     * @param nLayers number of blocks
     * @return the names, in forward order
     */
    public static List<HookName> all(int nLayers) {
        List<HookName> out = new ArrayList<>();
        out.add(HookName.embed());
        out.add(HookName.posEmbed());
        out.add(TOKEN_TYPE_EMBED);
        for (int l = 0; l < nLayers; l++) {
            for (String site : BLOCK_SITES) {
                out.add(HookName.block(l, site));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Returns the names compactly, e.g. {@code hook_embed, …, blocks.{0..5}.hook_resid_pre, …}.
     *
     * @param nLayers number of blocks
     * @return a one-line summary
     */
    public static String summarize(int nLayers) {
        String layers = nLayers == 1 ? "0" : "{0.." + (nLayers - 1) + "}";
        List<String> parts = new ArrayList<>(List.of(HookName.embed().path(), HookName.posEmbed().path(),
                TOKEN_TYPE_EMBED.path()));
        for (String site : BLOCK_SITES) {
            parts.add("blocks." + layers + "." + site);
        }
        return String.join(", ", parts);
    }
}
