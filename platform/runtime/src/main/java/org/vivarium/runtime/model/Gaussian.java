package org.vivarium.runtime.model;

import java.util.SplittableRandom;

/** Standard normal samples from a {@link SplittableRandom} (Box-Muller), bit-identical on every machine. */
public final class Gaussian {
    private Gaussian() {
    }

    /**
     * Draws one standard normal value.
     *
     * @param rnd the generator (advanced by two doubles)
     * @return a sample of N(0, 1)
     */
    public static double next(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }
}
