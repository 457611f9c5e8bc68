package org.vivarium.plugin.sae.train;

import java.util.SplittableRandom;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.Vec;

/**
 * Synthetic activations with known sparse structure: {@code x = sum_j a_j g_j} over a few of {@code M}
 * random unit directions {@code g_j}: exactly {@code perRow} distinct ones per row, chosen uniformly, with
 * magnitudes uniform in [0.5, 1.5], plus a fixed offset.
 */
final class SyntheticSparse {
    final float[][] directions;
    final float[][] rows;
    final double trueL0;

    SyntheticSparse(int dIn, int features, int perRow, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        directions = new float[features][dIn];
        for (float[] g : directions) {
            for (int j = 0; j < dIn; j++) {
                g[j] = (float) SaeWeights.gaussian(r);
            }
            Vec.scale(g, 1f / Vec.norm(g));
        }
        float[] offset = new float[dIn];
        for (int j = 0; j < dIn; j++) {
            offset[j] = (float) (0.3 * SaeWeights.gaussian(r));
        }
        rows = new float[n][dIn];
        long active = 0;
        int[] order = new int[features];
        for (float[] x : rows) {
            System.arraycopy(offset, 0, x, 0, dIn);
            for (int j = 0; j < features; j++) {
                order[j] = j;
            }
            for (int j = 0; j < perRow; j++) {
                int pick = j + r.nextInt(features - j);
                int f = order[pick];
                order[pick] = order[j];
                order[j] = f;
                Vec.axpy((float) (0.5 + r.nextDouble()), directions[f], x);
                active++;
            }
        }
        trueL0 = (double) active / n;
    }

    /**
     * Mean over ground-truth directions of the best cosine with any learned decoder row.
     *
     * @param wDec learned decoder rows
     * @return the mean max-cosine
     */
    double recovery(float[][] wDec) {
        double sum = 0;
        for (float[] g : directions) {
            double best = -1;
            for (float[] d : wDec) {
                best = Math.max(best, Vec.dot(g, d) / (Vec.norm(d) + 1e-12));
            }
            sum += best;
        }
        return sum / directions.length;
    }
}
