package org.vivarium.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;

/**
 * Checks that a weight map has exactly the names and shapes a {@link ModelConfig} implies.
 *
 * <pre>{@code
 * WeightsValidator.validate(cfg, weights, "runs/induction");
 * // throws e.g. "runs/induction: blocks.0.attn.W_Q has shape [4,64,16] but config.json implies [4,32,8];
 * //   the weights and config.json do not belong together — re-export the checkpoint"
 * }</pre>
 */
public final class WeightsValidator {
    private static final int LIST_LIMIT = 5;

    private WeightsValidator() {
    }

    /**
     * Validates weights against a config.
     *
     * @param config the architecture
     * @param weights name to tensor
     * @throws VivariumException naming missing and unexpected names and the first shape mismatch
     */
    public static void validate(ModelConfig config, Map<String, Tensor> weights) {
        validate(config, weights, "");
    }

    /**
     * Validates weights against a config, prefixing the message with where they came from.
     *
     * @param config the architecture
     * @param weights name to tensor
     * @param where e.g. the checkpoint directory; empty for no prefix
     * @throws VivariumException naming missing and unexpected names and the first shape mismatch
     */
    public static void validate(ModelConfig config, Map<String, Tensor> weights, String where) {
        validate(ParameterShapes.forConfig(config), weights, where);
    }

    /**
     * Validates weights against an explicit layout (e.g. an encoder's
     * {@link org.vivarium.checkpoint.encoder.EncoderShapes}), with the same messages as for a decoder config.
     *
     * @param expected name to shape, as config.json implies
     * @param weights name to tensor
     * @param where e.g. the checkpoint directory; empty for no prefix
     * @throws VivariumException naming missing and unexpected names and the first shape mismatch
     */
    public static void validate(Map<String, int[]> expected, Map<String, Tensor> weights, String where) {
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : expected.keySet()) {
            if (!weights.containsKey(name)) {
                missing.add(name);
            }
        }
        TreeSet<String> unexpected = new TreeSet<>(weights.keySet());
        unexpected.removeAll(expected.keySet());
        if (!missing.isEmpty()) {
            parts.add("model.safetensors lacks " + list(missing) + " that config.json implies");
        }
        if (!unexpected.isEmpty()) {
            parts.add("model.safetensors has " + list(new ArrayList<>(unexpected)) + " that config.json does not");
        }
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Tensor t = weights.get(e.getKey());
            if (t != null && !Arrays.equals(t.shape(), e.getValue())) {
                parts.add(e.getKey() + " has shape " + ParameterShapes.format(t.shape()) + " but config.json implies "
                        + ParameterShapes.format(e.getValue()));
                break;
            }
        }
        if (!parts.isEmpty()) {
            String prefix = where == null || where.isEmpty() ? "" : where + ": ";
            throw new VivariumException(prefix + String.join("; ", parts)
                    + "; the weights and config.json do not belong together", "re-export the checkpoint");
        }
    }

    private static String list(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(LIST_LIMIT, names.size())));
        int more = names.size() - LIST_LIMIT;
        return names.size() + " weight" + (names.size() == 1 ? "" : "s") + " (" + shown
                + (more > 0 ? ", +" + more + " more" : "") + ")";
    }
}
