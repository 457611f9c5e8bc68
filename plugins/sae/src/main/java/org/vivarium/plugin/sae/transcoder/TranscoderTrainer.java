package org.vivarium.plugin.sae.transcoder;

import java.util.Arrays;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.sae.data.ShuffledRows;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Vec;

/**
 * Trains a {@link Transcoder} on {@code [input | target]} rows with Adam on
 * {@code mean_rows ||y - y_hat||^2 / d}. Only the latents active in a batch get encoder and decoder gradient
 * rows, so a step costs the dense encoder pass plus O(batch k d). Single-threaded and seeded: a seed and the
 * same rows give the same weights.
 *
 * <pre>{@code
 * Transcoder t = new TranscoderTrainer(settings).train(pairs, progress);
 * }</pre>
 */
public final class TranscoderTrainer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;
    private final TranscoderSettings s;

    /**
     * @param settings the hyper-parameters
     */
    public TranscoderTrainer(TranscoderSettings settings) {
        this.s = settings;
    }

    /**
     * Trains.
     *
     * @param pairs the training pairs (restarted as needed; not closed)
     * @param progress advanced in rows, with the loss as a metric
     * @return the trained transcoder
     */
    public Transcoder train(PairedRows pairs, Progress progress) {
        int d = pairs.inputWidth();
        if (pairs.width() != 2 * d) {
            throw new IllegalArgumentException("a transcoder here maps d to d; input " + d + ", target "
                    + (pairs.width() - d));
        }
        int n = s.latents();
        SaeWeights w = SaeWeights.init(d, n, s.seed());
        for (float[] row : w.wDec()) {
            Vec.scale(row, 0.1f); // small outputs at the start: the MLP output is far smaller than the input
        }
        Transcoder t = new Transcoder(w, s.k());
        ShuffledRows rows = new ShuffledRows(pairs, s.shuffleRows(), s.seed() + 1, 1f);
        Adam encT = new Adam(n, d);
        Adam dec = new Adam(n, d);
        Adam bias = new Adam(2, Math.max(n, d));
        float[][] gEncT = new float[n][d];
        float[][] gDec = new float[n][d];
        float[] gBEnc = new float[n];
        float[] gBDec = new float[d];
        boolean[] touched = new boolean[n];
        float[] row = new float[2 * d];
        float[] x = new float[d];
        float[] yHat = new float[d];
        float[] g = new float[d];
        SparseAutoencoder.Scratch scratch = t.scratch();
        for (long step = 0; step < s.steps(); step++) {
            Arrays.fill(gBEnc, 0f);
            Arrays.fill(gBDec, 0f);
            double loss = 0;
            for (int r = 0; r < s.batch(); r++) {
                rows.next(row);
                System.arraycopy(row, 0, x, 0, d);
                int active = t.apply(x, scratch, yHat);
                float inv = 2f / (s.batch() * d);
                for (int j = 0; j < d; j++) {
                    float e = yHat[j] - row[d + j];
                    loss += (double) e * e / d;
                    g[j] = e * inv;
                }
                Vec.axpy(1f, g, gBDec);
                for (int a = 0; a < active; a++) {
                    int i = scratch.idx[a];
                    if (!touched[i]) {
                        touched[i] = true;
                        Arrays.fill(gEncT[i], 0f);
                        Arrays.fill(gDec[i], 0f);
                    }
                    Vec.axpy(scratch.val[a], g, gDec[i]);
                    float df = Vec.dot(w.wDec()[i], g);
                    gBEnc[i] += df;
                    Vec.axpy(df, x, gEncT[i]);
                }
            }
            float lr = lr(step);
            bias.step(1, gBDec, w.bDec(), lr);
            bias.step(0, gBEnc, w.bEnc(), lr);
            for (int i = 0; i < n; i++) {
                if (touched[i]) {
                    dec.step(i, gDec[i], w.wDec()[i], lr);
                    encT.stepColumn(i, gEncT[i], w.wEnc(), lr);
                    touched[i] = false;
                }
            }
            progress.metric("loss", loss / s.batch());
            progress.advance(s.batch());
        }
        return t;
    }

    private float lr(long step) {
        double warm = Math.max(1, s.steps() / 100.0);
        double decayFrom = s.steps() * 0.8;
        double f = step < warm ? (step + 1) / warm : step >= decayFrom ? (s.steps() - step) / (s.steps() - decayFrom)
                : 1;
        return (float) (s.lr() * f);
    }

    /**
     * Adam moments for a set of rows; rows are updated lazily (only when they got gradient), each with its own
     * step count for the bias correction.
     */
    private static final class Adam {
        private final float[][] m;
        private final float[][] v;
        private final long[] t;
        private float c1;
        private float c2;

        Adam(int rows, int width) {
            m = new float[rows][width];
            v = new float[rows][width];
            t = new long[rows];
        }

        void step(int r, float[] grad, float[] param, float lr) {
            begin(r);
            for (int j = 0; j < param.length; j++) {
                param[j] -= delta(r, j, grad[j], lr);
            }
        }

        /** Updates column {@code r} of {@code [width][rows]} weights from a transposed gradient row. */
        void stepColumn(int r, float[] grad, float[][] weights, float lr) {
            begin(r);
            for (int j = 0; j < grad.length; j++) {
                weights[j][r] -= delta(r, j, grad[j], lr);
            }
        }

        private void begin(int r) {
            t[r]++;
            c1 = (float) (1 - Math.pow(BETA1, t[r]));
            c2 = (float) (1 - Math.pow(BETA2, t[r]));
        }

        private float delta(int r, int j, float grad, float lr) {
            float mj = BETA1 * m[r][j] + (1 - BETA1) * grad;
            float vj = BETA2 * v[r][j] + (1 - BETA2) * grad * grad;
            m[r][j] = mj;
            v[r][j] = vj;
            return lr * (mj / c1) / ((float) Math.sqrt(vj / c2) + EPS);
        }
    }
}
