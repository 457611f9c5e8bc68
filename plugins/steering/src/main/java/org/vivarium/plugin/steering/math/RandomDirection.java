package org.vivarium.plugin.steering.math;

import java.util.Random;

/** Seeded random directions for controls: Gaussian, rescaled to a reference norm. */
public final class RandomDirection {
    private RandomDirection() {
    }

    /**
     * Draws a random direction of the same width and norm as {@code reference}.
     *
     * @param reference the direction to match
     * @param seed fixes the draw
     * @return a new vector with {@code |v| = |reference|}
     */
    public static float[] like(float[] reference, long seed) {
        Random r = new Random(seed);
        float[] v = new float[reference.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Vectors.scale(Vectors.unit(v), Vectors.norm(reference));
    }
}
