package org.vivarium.plugin.sae.bench;

import java.util.SplittableRandom;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.Vec;

/**
 * Seeded synthetic activations with sparse structure: each row is an offset plus {@code active} of
 * {@code features} random unit directions, with magnitudes uniform in [0.5, 1.5].
 */
public final class SyntheticActivations {
    private SyntheticActivations() {
    }

    /**
     * Generates rows.
     *
     * @param rows row count
     * @param dIn row width
     * @param features ground-truth directions
     * @param active directions per row
     * @param seed the seed
     * @return the rows
     */
    public static float[][] generate(int rows, int dIn, int features, int active, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] dirs = new float[features][dIn];
        for (float[] g : dirs) {
            for (int j = 0; j < dIn; j++) {
                g[j] = (float) SaeWeights.gaussian(r);
            }
            Vec.scale(g, 1f / Vec.norm(g));
        }
        float[][] out = new float[rows][dIn];
        for (float[] x : out) {
            for (int a = 0; a < active; a++) {
                Vec.axpy((float) (0.5 + r.nextDouble()), dirs[r.nextInt(features)], x);
            }
        }
        return out;
    }
}
