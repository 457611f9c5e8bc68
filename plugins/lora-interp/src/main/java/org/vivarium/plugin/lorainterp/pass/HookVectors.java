package org.vivarium.plugin.lorainterp.pass;

import java.util.Arrays;
import org.vivarium.api.tensor.Tensor;

/**
 * Reads the vector at one (batch row, position) of a cached hook tensor, flattening every axis after the
 * position: {@code [batch, pos, d]} gives {@code d} values, {@code [batch, pos, head, d_head]} gives
 * {@code head * d_head} values in the order {@code h * d_head + e} (the order of the attention weights' matrix
 * view).
 */
public final class HookVectors {
    private HookVectors() {
    }

    /**
     * Copies out one position's vector.
     *
     * @param t a {@code [batch, pos, ...]} tensor
     * @param row the batch row
     * @param pos the position
     * @return the flattened vector
     */
    public static float[] at(Tensor t, int row, int pos) {
        int width = width(t);
        int off = (row * t.size(1) + pos) * width;
        return Arrays.copyOfRange(t.data(), off, off + width);
    }

    /**
     * Returns the flattened width of a position's vector.
     *
     * @param t a {@code [batch, pos, ...]} tensor
     * @return the product of the axes after the position
     */
    public static int width(Tensor t) {
        if (t.rank() < 3) {
            throw new IllegalArgumentException("expected a [batch, pos, ...] tensor, got " + t);
        }
        int w = 1;
        for (int i = 2; i < t.rank(); i++) {
            w *= t.size(i);
        }
        return w;
    }
}
