package org.vivarium.checkpoint.adapter;

import java.util.LinkedHashSet;
import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * The settings of a LoRA adapter as stored in {@code adapter_config.json}: every target {@code W} (used as an
 * {@code [in, out]} matrix) becomes {@code W + (alpha / rank) A B} with {@code A [in, rank]}, {@code B [rank, out]}.
 *
 * @param rank the rank {@code r >= 1}
 * @param alpha the LoRA alpha ({@code > 0}); the delta is scaled by {@code alpha / rank}
 * @param targets the adapted weight names (resolved, no patterns), e.g. {@code blocks.0.mlp.W_out}
 * @param baseModelHash content hash of the base checkpoint the adapter was trained on
 *     ({@code CheckpointIO.contentHash}), or empty when unknown
 */
public record AdapterConfig(int rank, float alpha, List<String> targets, String baseModelHash) {

    /** Validates the values, naming each bad one. */
    public AdapterConfig {
        StringBuilder bad = new StringBuilder();
        if (rank < 1) {
            bad.append(" rank=").append(rank).append(" must be >= 1;");
        }
        if (!(alpha > 0) || Float.isInfinite(alpha)) {
            bad.append(" alpha=").append(alpha).append(" must be a finite number > 0;");
        }
        if (targets == null || targets.isEmpty()) {
            bad.append(" targets must name at least one weight matrix;");
        } else {
            if (targets.stream().anyMatch(t -> t == null || t.isBlank() || t.contains("*"))) {
                bad.append(" targets must be weight names without patterns, got ").append(targets).append(';');
            }
            if (new LinkedHashSet<>(targets).size() != targets.size()) {
                bad.append(" targets ").append(targets).append(" contain duplicates;");
            }
        }
        if (bad.length() > 0) {
            throw new VivariumException("invalid LoRA adapter settings:" + bad, "fix the values and retry");
        }
        targets = List.copyOf(targets);
        baseModelHash = baseModelHash == null ? "" : baseModelHash;
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
     * Returns a copy recording a different base checkpoint.
     *
     * @param hash the base checkpoint's content hash
     * @return the copy
     */
    public AdapterConfig withBaseModelHash(String hash) {
        return new AdapterConfig(rank, alpha, targets, hash);
    }
}
