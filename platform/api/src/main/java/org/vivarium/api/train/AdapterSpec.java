package org.vivarium.api.train;

import java.util.List;

/**
 * What a fine-tune trains: a LoRA adapter of rank {@code rank} on the weights matching {@code targets}
 * (TransformerLens names or globs, e.g. {@code blocks.2.mlp.W_out}, {@code blocks.*.attn.W_O}), or every
 * weight ({@link #full()}).
 *
 * @param rank adapter rank, at least 1; 0 means full fine-tuning
 * @param alpha LoRA scaling numerator (the update is {@code alpha / rank * A B}); ignored when full
 * @param targets weight-name patterns; empty when full
 */
public record AdapterSpec(int rank, double alpha, List<String> targets) {
    /** Checks the values. */
    public AdapterSpec {
        targets = List.copyOf(targets);
        if (rank < 0) {
            throw new IllegalArgumentException("LoRA rank must be >= 1 (or 0 for full fine-tuning), got " + rank);
        }
        if (rank > 0 && targets.isEmpty()) {
            throw new IllegalArgumentException("a LoRA adapter needs at least one target weight pattern");
        }
    }

    /**
     * LoRA on the given weights.
     *
     * @param rank rank, e.g. 1
     * @param alpha scaling numerator, e.g. equal to the rank
     * @param targets weight names or globs
     * @return the spec
     */
    public static AdapterSpec lora(int rank, double alpha, List<String> targets) {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be >= 1, got " + rank);
        }
        return new AdapterSpec(rank, alpha, targets);
    }

    /** @return full fine-tuning of every weight */
    public static AdapterSpec full() {
        return new AdapterSpec(0, 0, List.of());
    }

    /** @return whether every weight is trained */
    public boolean isFull() {
        return rank == 0;
    }

    /** @return e.g. {@code lora r=1 on blocks.2.mlp.W_out} or {@code full} */
    public String describe() {
        return isFull() ? "full" : "lora r=" + rank + " alpha=" + alpha + " on " + String.join(", ", targets);
    }
}
