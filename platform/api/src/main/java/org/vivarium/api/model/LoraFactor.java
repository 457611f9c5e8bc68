package org.vivarium.api.model;

import org.vivarium.api.tensor.Tensor;

/**
 * One adapted weight of a LoRA adapter: the weight's update is {@code delta W = scale * A B}, applied as
 * {@code x (W + delta W)} with {@code x} the layer input (TransformerLens orientation, {@code W} is
 * {@code [in, out]}). Column {@code k} of {@code A} is an input direction (what the adapter reads), row
 * {@code k} of {@code B} an output direction (what it writes).
 *
 * @param target the adapted weight, e.g. {@code blocks.2.mlp.W_out}
 * @param scale {@code alpha / rank}
 * @param a {@code [in, rank]}
 * @param b {@code [rank, out]}
 */
public record LoraFactor(String target, double scale, Tensor a, Tensor b) {
    /** Checks the shapes agree. */
    public LoraFactor {
        if (a.rank() != 2 || b.rank() != 2 || a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("LoRA factors of " + target + " must be [in, r] and [r, out]");
        }
    }

    /** @return the adapter rank */
    public int rank() {
        return a.size(1);
    }

    /**
     * Returns input direction {@code k} (column {@code k} of {@code A}).
     *
     * @param k 0 to rank - 1
     * @return a vector of the layer's input width
     */
    public float[] inputDirection(int k) {
        int in = a.size(0);
        int r = rank();
        float[] out = new float[in];
        for (int i = 0; i < in; i++) {
            out[i] = a.data()[i * r + k];
        }
        return out;
    }

    /**
     * Returns output direction {@code k} (row {@code k} of {@code B}).
     *
     * @param k 0 to rank - 1
     * @return a vector of the layer's output width
     */
    public float[] outputDirection(int k) {
        int out = b.size(1);
        float[] v = new float[out];
        System.arraycopy(b.data(), k * out, v, 0, out);
        return v;
    }
}
