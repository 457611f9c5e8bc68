package org.vivarium.plugin.sae.train;

import java.util.Arrays;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.Vec;
import org.vivarium.plugin.sae.math.Workers;

/**
 * Adam (beta1 0.9, beta2 0.999, eps 1e-8, bias-corrected) over the four SAE tensors, summing the workers'
 * gradients in worker order (deterministic). Decoder rows stay unit-norm: the gradient component parallel to
 * each row is removed before the update and the row is renormalised after it. The encoder's moments are
 * stored transposed, like its gradient.
 */
final class SaeOptimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final SaeWeights w;
    private final float[][] mEncT;
    private final float[][] vEncT;
    private final float[][] mDec;
    private final float[][] vDec;
    private final float[] mBEnc;
    private final float[] vBEnc;
    private final float[] mBDec;
    private final float[] vBDec;
    private final float[] gBEnc;
    private final float[] gBDec;
    private final float[][] rowScratch;
    private long t;

    SaeOptimizer(SaeWeights w, int threads) {
        this.w = w;
        int d = w.dIn();
        int n = w.latents();
        mEncT = new float[n][d];
        vEncT = new float[n][d];
        mDec = new float[n][d];
        vDec = new float[n][d];
        mBEnc = new float[n];
        vBEnc = new float[n];
        mBDec = new float[d];
        vBDec = new float[d];
        gBEnc = new float[n];
        gBDec = new float[d];
        rowScratch = new float[threads][d];
    }

    /**
     * Applies one Adam step.
     *
     * @param parts the workers' gradients for this batch
     * @param lr the learning rate in force
     * @param workers the pool to split the update over
     */
    void step(Gradients[] parts, float lr, Workers workers) {
        t++;
        float bc1 = (float) (1 - Math.pow(BETA1, t));
        float bc2 = (float) (1 - Math.pow(BETA2, t));
        int n = w.latents();
        int d = w.dIn();
        Arrays.fill(gBEnc, 0f);
        Arrays.fill(gBDec, 0f);
        for (Gradients p : parts) {
            Vec.axpy(1f, p.bEnc, gBEnc);
            Vec.axpy(1f, p.bDec, gBDec);
        }
        float[][] wEnc = w.wEnc();
        for (int j = 0; j < d; j++) {
            gBDec[j] -= Vec.dot(wEnc[j], gBEnc);
        }
        adam(w.bDec(), gBDec, mBDec, vBDec, 0, d, lr, bc1, bc2);
        int threads = rowScratch.length;
        workers.run(threads, part -> {
            int lo = Workers.split(n, threads, part);
            int hi = Workers.split(n, threads, part + 1);
            updateLatents(parts, lo, hi, rowScratch[part], lr, bc1, bc2);
        });
    }

    private void updateLatents(Gradients[] parts, int lo, int hi, float[] g, float lr, float bc1, float bc2) {
        float[][] wDec = w.wDec();
        float[][] wEnc = w.wEnc();
        int d = w.dIn();
        adam(w.bEnc(), gBEnc, mBEnc, vBEnc, lo, hi, lr, bc1, bc2);
        for (int i = lo; i < hi; i++) {
            Arrays.fill(g, 0f);
            for (Gradients p : parts) {
                Vec.axpy(1f, p.wDec[i], g);
            }
            float[] row = wDec[i];
            Vec.axpy(-Vec.dot(g, row), row, g);
            adam(row, g, mDec[i], vDec[i], 0, d, lr, bc1, bc2);
            float norm = Vec.norm(row);
            if (norm > 0) {
                Vec.scale(row, 1f / norm);
            }
            Arrays.fill(g, 0f);
            for (Gradients p : parts) {
                Vec.axpy(1f, p.wEncT[i], g);
            }
            float[] m = mEncT[i];
            float[] v = vEncT[i];
            for (int j = 0; j < d; j++) {
                float gj = g[j];
                m[j] = BETA1 * m[j] + (1 - BETA1) * gj;
                v[j] = BETA2 * v[j] + (1 - BETA2) * gj * gj;
                wEnc[j][i] -= lr * (m[j] / bc1) / ((float) Math.sqrt(v[j] / bc2) + EPS);
            }
        }
    }

    private static void adam(float[] p, float[] g, float[] m, float[] v, int lo, int hi, float lr, float bc1,
            float bc2) {
        for (int j = lo; j < hi; j++) {
            float gj = g[j];
            m[j] = BETA1 * m[j] + (1 - BETA1) * gj;
            v[j] = BETA2 * v[j] + (1 - BETA2) * gj * gj;
            p[j] -= lr * (m[j] / bc1) / ((float) Math.sqrt(v[j] / bc2) + EPS);
        }
    }

    /**
     * Forgets the moments of one latent (its encoder column, decoder row and encoder bias), as after
     * resampling it.
     *
     * @param latent the latent
     */
    void reset(int latent) {
        Arrays.fill(mEncT[latent], 0f);
        Arrays.fill(vEncT[latent], 0f);
        Arrays.fill(mDec[latent], 0f);
        Arrays.fill(vDec[latent], 0f);
        mBEnc[latent] = 0;
        vBEnc[latent] = 0;
    }
}
