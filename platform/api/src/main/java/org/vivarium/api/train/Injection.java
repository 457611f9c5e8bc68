package org.vivarium.api.train;

import java.util.Arrays;

/**
 * A vector added to one activation of one training example in every forward pass of a fine-tune, e.g. another
 * model's residual stream placed at a placeholder token (latent-QA / activation-oracle decoders).
 *
 * <p>The vector is <b>added</b> as given ({@code x[pos] += vector}; the caller chooses its scale), the same as
 * {@link org.vivarium.api.model.Hook#add} with coefficient 1 restricted to {@code position} does at inference:
 *
 * <pre>{@code
 * Injection in = new Injection("blocks.0.hook_resid_post", 0, v);                 // while fine-tuning
 * Hook same = Hook.add(new HookName("blocks.0.hook_resid_post"), v, 1f).atPositions(0); // when asking
 * }</pre>
 *
 * <p>Gradients flow through the activation as usual; the vector itself is a constant.
 *
 * @param hook a TransformerLens hook whose activation is {@code [batch, pos, width]}: the residual stream
 *     ({@code hook_embed}, {@code blocks.L.hook_resid_pre|mid|post}), a block output ({@code hook_attn_out},
 *     {@code hook_mlp_out}), {@code mlp.hook_pre|post} or a LayerNorm output; not the per-head attention hooks
 * @param position index into the example's tokens (prompt then completion), counted from the first prompt token
 * @param vector the addition, of the hook's width ({@code d_model}, or {@code d_mlp} for {@code mlp.*})
 */
public record Injection(String hook, int position, float[] vector) {
    /** Checks the values and copies the vector. */
    public Injection {
        if (hook == null || hook.isBlank()) {
            throw new IllegalArgumentException("an injection needs a hook name, e.g. blocks.0.hook_resid_post");
        }
        if (position < 0) {
            throw new IllegalArgumentException("injection position must be >= 0, got " + position);
        }
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("an injection needs a non-empty vector");
        }
        for (float f : vector) {
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("injection vector at " + hook + " has a non-finite entry");
            }
        }
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Injection i && i.position == position && i.hook.equals(hook)
                && Arrays.equals(i.vector, vector);
    }

    @Override
    public int hashCode() {
        return (31 * hook.hashCode() + position) * 31 + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Injection[" + hook + " pos=" + position + " |v|=" + norm() + "]";
    }

    private float norm() {
        double s = 0;
        for (float f : vector) {
            s += (double) f * f;
        }
        return (float) Math.sqrt(s);
    }
}
