package org.vivarium.runtime.lora;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.checkpoint.adapter.AdapterConfig;
import org.vivarium.checkpoint.adapter.LoraTargets;

/**
 * What to fine-tune with LoRA: every targeted weight {@code W} (used as an {@code [in, out]} matrix) becomes
 * {@code W + (alpha / rank) A B} with trainable {@code A [in, rank]} and {@code B [rank, out]}.
 *
 * <pre>{@code
 * LoraConfig lc = LoraConfig.of(1, 1f, "blocks.*.mlp.W_out", "blocks.1.attn.W_O");
 * List<String> names = lc.resolve(modelCfg);   // throws, listing valid names, if a target matches nothing
 * }</pre>
 *
 * @param rank the rank {@code r >= 1}
 * @param alpha scale numerator ({@code > 0}); the delta is multiplied by {@code alpha / rank}
 * @param targets weight names or patterns ({@code *} matches within one name segment), see {@link LoraTargets}
 */
public record LoraConfig(int rank, float alpha, List<String> targets) {

    /** Validates the values, naming each bad one. */
    public LoraConfig {
        StringBuilder bad = new StringBuilder();
        if (rank < 1) {
            bad.append(" rank=").append(rank).append(" must be >= 1;");
        }
        if (!(alpha > 0) || Float.isInfinite(alpha)) {
            bad.append(" alpha=").append(alpha).append(" must be a finite number > 0;");
        }
        if (targets == null || targets.isEmpty() || targets.stream().anyMatch(t -> t == null || t.isBlank())) {
            bad.append(" targets must name at least one weight matrix, e.g. blocks.0.mlp.W_out;");
        }
        if (bad.length() > 0) {
            throw new VivariumException("invalid LoRA settings:" + bad, "fix the values and rerun");
        }
        targets = List.copyOf(targets);
    }

    /**
     * Creates a config.
     *
     * @param rank the rank
     * @param alpha the alpha
     * @param targets weight names or patterns
     * @return the config
     */
    public static LoraConfig of(int rank, float alpha, String... targets) {
        return new LoraConfig(rank, alpha, List.of(targets));
    }

    /**
     * Returns the factor applied to {@code A B}.
     *
     * @return {@code alpha / rank}
     */
    public float scale() {
        return alpha / rank;
    }

    /**
     * Resolves the targets to weight names of a model.
     *
     * @param cfg the architecture
     * @return matched weight names in state-dict order
     * @throws VivariumException if a target matches no adaptable weight (the message lists the valid ones)
     */
    public List<String> resolve(ModelConfig cfg) {
        return LoraTargets.resolve(cfg, targets);
    }

    /**
     * Returns the on-disk settings for a model.
     *
     * @param cfg the architecture (resolves the targets)
     * @param baseModelHash content hash of the base checkpoint, or empty
     * @return the adapter config
     */
    public AdapterConfig toAdapterConfig(ModelConfig cfg, String baseModelHash) {
        return new AdapterConfig(rank, alpha, resolve(cfg), baseModelHash);
    }

    /** @return the settings as strings, for provenance */
    public Map<String, String> asSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lora.rank", String.valueOf(rank));
        m.put("lora.alpha", String.valueOf(alpha));
        m.put("lora.targets", String.join(",", targets));
        return m;
    }
}
