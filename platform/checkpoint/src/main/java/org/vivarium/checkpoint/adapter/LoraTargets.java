package org.vivarium.checkpoint.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.checkpoint.ParameterShapes;

/**
 * The weight matrices a LoRA adapter can target, with the {@code [in, out]} matrix each is used as in the
 * forward pass, and resolution of target patterns to weight names.
 *
 * <pre>{@code
 * LoraTargets.resolve(cfg, List.of("blocks.*.mlp.W_out", "blocks.1.attn.W_O"));
 * // [blocks.0.mlp.W_out, blocks.1.attn.W_O, blocks.1.mlp.W_out]
 * LoraTargets.matrixShape(cfg, "blocks.0.attn.W_Q");   // [d_model, n_heads * d_head]
 * }</pre>
 *
 * <p>In a pattern {@code *} stands for one dot-free name segment part, so {@code blocks.*.attn.W_*} covers
 * every attention matrix. Matrix views: {@code W_Q|W_K|W_V [n_heads, d_model, d_head]} act as
 * {@code [d_model, n_heads*d_head]} (column {@code h*d_head+e}); {@code W_O [n_heads, d_head, d_model]} acts
 * as {@code [n_heads*d_head, d_model]}; {@code mlp.W_in}, {@code mlp.W_out} and, in gated (SwiGLU) MLPs only,
 * {@code mlp.W_gate} are used as stored.
 */
public final class LoraTargets {
    private static final List<String> ATTN = List.of("attn.W_Q", "attn.W_K", "attn.W_V", "attn.W_O");
    private static final List<String> MLP = List.of("mlp.W_in", "mlp.W_out");
    private static final String GATE = "mlp.W_gate";

    private LoraTargets() {
    }

    /**
     * Lists every adaptable weight with its matrix shape, in state-dict order.
     *
     * @param cfg the architecture
     * @return name to {@code [in, out]}
     */
    public static Map<String, int[]> matrixShapes(ModelConfig cfg) {
        int d = cfg.dModel();
        int he = cfg.nHeads() * cfg.dHead();
        Map<String, int[]> out = new LinkedHashMap<>();
        for (int l = 0; l < cfg.nLayers(); l++) {
            String b = "blocks." + l + ".";
            out.put(b + "attn.W_Q", new int[] {d, he});
            out.put(b + "attn.W_K", new int[] {d, he});
            out.put(b + "attn.W_V", new int[] {d, he});
            out.put(b + "attn.W_O", new int[] {he, d});
            if (!cfg.attnOnly()) {
                if (cfg.options().gatedMlp()) {
                    out.put(b + GATE, new int[] {d, cfg.dMlp()});
                }
                out.put(b + "mlp.W_in", new int[] {d, cfg.dMlp()});
                out.put(b + "mlp.W_out", new int[] {cfg.dMlp(), d});
            }
        }
        return out;
    }

    /**
     * Returns the {@code [in, out]} matrix shape of one adaptable weight.
     *
     * @param cfg the architecture
     * @param name a weight name such as {@code blocks.0.mlp.W_out}
     * @return {@code [in, out]}
     * @throws VivariumException if the model has no such adaptable weight (the message lists valid names)
     */
    public static int[] matrixShape(ModelConfig cfg, String name) {
        int[] s = matrixShapes(cfg).get(name);
        if (s == null) {
            throw notAdaptable(cfg, name);
        }
        return s.clone();
    }

    /**
     * Resolves names and patterns to adaptable weight names, in state-dict order without duplicates.
     *
     * @param cfg the architecture
     * @param patterns weight names or patterns with {@code *}
     * @return the matched names
     * @throws VivariumException if the list is empty or a pattern matches no adaptable weight
     */
    public static List<String> resolve(ModelConfig cfg, List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw new VivariumException("no LoRA target matrices given",
                    "name at least one, e.g. blocks.0.mlp.W_out; valid: " + describeValid(cfg));
        }
        Set<String> names = matrixShapes(cfg).keySet();
        Set<String> chosen = new LinkedHashSet<>();
        for (String p : patterns) {
            Pattern re = toRegex(p);
            List<String> hits = new ArrayList<>();
            for (String n : names) {
                if (re.matcher(n).matches()) {
                    hits.add(n);
                }
            }
            if (hits.isEmpty()) {
                throw notAdaptable(cfg, p);
            }
            chosen.addAll(hits);
        }
        List<String> ordered = new ArrayList<>();
        for (String n : names) {
            if (chosen.contains(n)) {
                ordered.add(n);
            }
        }
        return List.copyOf(ordered);
    }

    /**
     * Describes the adaptable weights compactly, e.g.
     * {@code blocks.L.{attn.W_Q, attn.W_K, attn.W_V, attn.W_O, mlp.W_in, mlp.W_out} for L in 0..1}.
     *
     * @param cfg the architecture
     * @return one line
     */
    public static String describeValid(ModelConfig cfg) {
        List<String> leaves = new ArrayList<>(ATTN);
        if (!cfg.attnOnly()) {
            if (cfg.options().gatedMlp()) {
                leaves.add(GATE);
            }
            leaves.addAll(MLP);
        }
        String layers = cfg.nLayers() == 1 ? "L = 0" : "L in 0.." + (cfg.nLayers() - 1);
        return "blocks.L.{" + String.join(", ", leaves) + "} for " + layers;
    }

    private static VivariumException notAdaptable(ModelConfig cfg, String name) {
        String why = name != null && ParameterShapes.forConfig(cfg).containsKey(name)
                ? "\"" + name + "\" is not a weight matrix LoRA can adapt"
                : "LoRA target \"" + name + "\" matches no weight matrix of this model"
                        + (name != null && name.endsWith(GATE) && !cfg.options().gatedMlp()
                                ? " (W_gate exists only in gated MLPs such as Llama's and Qwen2's)" : "");
        return new VivariumException(why, "use names or patterns among " + describeValid(cfg)
                + ", e.g. blocks.*.mlp.W_out");
    }

    private static Pattern toRegex(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Pattern.compile("(?!)");
        }
        String[] parts = pattern.split("\\*", -1);
        StringBuilder re = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            re.append("[^.]+").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }
}
