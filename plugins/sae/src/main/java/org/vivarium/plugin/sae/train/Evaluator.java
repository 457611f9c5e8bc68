package org.vivarium.plugin.sae.train;

import org.vivarium.plugin.sae.data.RowSource;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Vec;
import org.vivarium.plugin.sae.math.Workers;

/** Measures explained variance, MSE, L0 and dead latents of an SAE over one pass of a row source. */
public final class Evaluator {
    private static final int CHUNK = 2048;

    private Evaluator() {
    }

    /** One worker's sums. */
    private static final class Sums {
        double se;
        double sq;
        long l0;
        final double[] sum;
        final long[] fires;
        final SparseAutoencoder.Scratch scratch;
        final float[] xHat;

        Sums(SparseAutoencoder sae) {
            int d = sae.weights().dIn();
            sum = new double[d];
            fires = new long[sae.weights().latents()];
            scratch = sae.scratch();
            xHat = new float[d];
        }
    }

    /**
     * Evaluates one whole pass of {@code source} (restarted before and after).
     *
     * @param sae the autoencoder, working on scaled inputs
     * @param scale multiplies raw rows into the SAE's input space
     * @param source the raw rows
     * @param workers the thread pool
     * @return the metrics
     */
    public static EvalMetrics evaluate(SparseAutoencoder sae, float scale, RowSource source, Workers workers) {
        int d = sae.weights().dIn();
        int parts = workers.threads();
        Sums[] sums = new Sums[parts];
        for (int p = 0; p < parts; p++) {
            sums[p] = new Sums(sae);
        }
        float[][] chunk = new float[CHUNK][d];
        long rows = 0;
        source.restart();
        while (true) {
            int filled = 0;
            while (filled < CHUNK && source.next(chunk[filled])) {
                Vec.scale(chunk[filled], scale);
                filled++;
            }
            if (filled == 0) {
                break;
            }
            rows += filled;
            int n = filled;
            workers.run(parts, p -> accumulate(sae, chunk, Workers.split(n, parts, p), Workers.split(n, parts, p + 1),
                    sums[p]));
            if (filled < CHUNK) {
                break;
            }
        }
        source.restart();
        return combine(sums, rows, d, sae.weights().latents());
    }

    private static void accumulate(SparseAutoencoder sae, float[][] rows, int from, int to, Sums s) {
        for (int r = from; r < to; r++) {
            float[] x = rows[r];
            int active = sae.encode(x, s.scratch);
            sae.decode(s.scratch.idx, s.scratch.val, active, s.xHat);
            s.se += Vec.squaredDistance(x, s.xHat);
            for (int j = 0; j < x.length; j++) {
                s.sum[j] += x[j];
                s.sq += (double) x[j] * x[j];
            }
            s.l0 += active;
            for (int a = 0; a < active; a++) {
                s.fires[s.scratch.idx[a]]++;
            }
        }
    }

    private static EvalMetrics combine(Sums[] sums, long rows, int d, int latents) {
        double se = 0;
        double sq = 0;
        long l0 = 0;
        double[] sum = new double[d];
        long[] fires = new long[latents];
        for (Sums s : sums) {
            se += s.se;
            sq += s.sq;
            l0 += s.l0;
            for (int j = 0; j < d; j++) {
                sum[j] += s.sum[j];
            }
            for (int i = 0; i < latents; i++) {
                fires[i] += s.fires[i];
            }
        }
        double meanSq = 0;
        for (int j = 0; j < d; j++) {
            double m = sum[j] / Math.max(1, rows);
            meanSq += m * m;
        }
        double totalVar = sq - rows * meanSq;
        int dead = 0;
        for (long f : fires) {
            if (f == 0) {
                dead++;
            }
        }
        return new EvalMetrics(rows, totalVar > 0 ? 1 - se / totalVar : Double.NaN, se / Math.max(1, rows) / d,
                (double) l0 / Math.max(1, rows), (double) dead / latents, fires);
    }
}
