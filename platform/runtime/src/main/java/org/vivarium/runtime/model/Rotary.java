package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embeddings (GPT-NeoX "rotate half" form) applied to queries and keys of shape
 * {@code [batch, pos, head, d_head]}.
 */
final class Rotary {
    private static final double BASE = 10000.0;

    private Rotary() {
    }

    /**
     * Rotates {@code x} by position.
     *
     * @param m manager for the cos/sin tables
     * @param x {@code [B, T, H, E]}
     * @return the rotated array
     */
    static NDArray apply(NDManager m, NDArray x) {
        Shape s = x.getShape();
        int t = (int) s.get(1);
        int e = (int) s.get(3);
        int half = e / 2;
        float[] cos = new float[t * e];
        float[] sin = new float[t * e];
        for (int p = 0; p < t; p++) {
            for (int i = 0; i < half; i++) {
                double theta = p / Math.pow(BASE, 2.0 * i / e);
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
