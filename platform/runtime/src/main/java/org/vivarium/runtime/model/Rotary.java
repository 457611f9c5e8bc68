package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embeddings (GPT-NeoX "rotate half" form) applied to queries and keys of shape
 * {@code [batch, pos, head, d_head]}, on all of each head's features or on the leading {@code dims} of them
 * (GPT-NeoX's {@code rotary_pct}).
 */
final class Rotary {
    private Rotary() {
    }

    /**
     * Rotates the leading {@code dims} features of every head of {@code x} by position; the rest pass through.
     *
     * @param m manager for the cos/sin tables
     * @param x {@code [B, T, H, E]}
     * @param dims how many leading features to rotate (even, at most {@code E})
     * @param base the frequency base ({@code rope_theta})
     * @return the rotated array
     */
    static NDArray apply(NDManager m, NDArray x, int dims, double base) {
        Shape s = x.getShape();
        if (dims < s.get(3)) {
            NDList parts = x.split(new long[] {dims}, 3);
            return apply(m, parts.get(0), dims, base).concat(parts.get(1), 3);
        }
        int t = (int) s.get(1);
        int e = (int) s.get(3);
        int half = e / 2;
        float[] cos = new float[t * e];
        float[] sin = new float[t * e];
        for (int p = 0; p < t; p++) {
            for (int i = 0; i < half; i++) {
                double theta = p / Math.pow(base, 2.0 * i / e);
                float c = (float) Math.cos(theta);
                float sn = (float) Math.sin(theta);
                cos[p * e + i] = c;
                cos[p * e + i + half] = c;
                sin[p * e + i] = sn;
                sin[p * e + i + half] = sn;
            }
        }
        NDArray cosA = m.create(cos, new Shape(1, t, 1, e));
        NDArray sinA = m.create(sin, new Shape(1, t, 1, e));
        NDList parts = x.split(2, 3);
        NDArray rotated = parts.get(1).neg().concat(parts.get(0), 3);
        return x.mul(cosA).add(rotated.mul(sinA));
    }
}
