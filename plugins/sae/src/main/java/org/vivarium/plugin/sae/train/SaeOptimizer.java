package org.vivarium.plugin.sae.train;

import java.util.Arrays;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.Vec;
import org.vivarium.plugin.sae.math.Workers;

/**
 * Adam (beta1 0.9, beta2 0.999, eps 1e-8, bias-corrected) over the four SAE tensors, summing the workers'
 * gradients in worker order (deterministic). Decoder rows stay unit-norm: the gradient component parallel to
 * each row is removed before the update and the row is renormalised after it. The encoder is updated in its
 * training layout {@code W_enc^T} ({@link TransposedEncoder}), like its gradient and moments, so every update is a
 * contiguous row loop. A latent no worker's rows fired has a zero gradient: its rows are not summed, only decayed
 * by the moments as Adam prescribes.
 */
final class SaeOptimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final SaeWeights w;
    private final float[][] wEncT;
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
    private final float[] encBias;
    private final float[] zeros;
    private final float[][] decScratch;
    private final float[][] encScratch;
    private long t;

    /**
     * @param w the weights ({@code b_enc}, {@code W_dec}, {@code b_dec} updated in place)
     * @param wEncT the encoder in its training layout (updated in place)
     * @param threads the worker threads the update is split over
     */
    SaeOptimizer(SaeWeights w, TransposedEncoder wEncT, int threads) {
        this.w = w;
        this.wEncT = wEncT.rows();
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
        encBias = new float[d];
        zeros = new float[d];
        decScratch = new float[threads][d];
        encScratch = new float[threads][d];
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
        Arrays.fill(encBias, 0f);
        for (int i = 0; i < n; i++) {
            if (gBEnc[i] != 0) {
                Vec.axpy(gBEnc[i], wEncT[i], encBias);
            }
        }
        for (int j = 0; j < d; j++) {
            gBDec[j] -= encBias[j];
        }
        adam(w.bDec(), gBDec, mBDec, vBDec, 0, d, lr, bc1, bc2);
        int threads = decScratch.length;
        workers.run(threads, part -> {
            int lo = Workers.split(n, threads, part);
            int hi = Workers.split(n, threads, part + 1);
            updateLatents(parts, lo, hi, decScratch[part], encScratch[part], lr, bc1, bc2);
        });
    }

    private void updateLatents(Gradients[] parts, int lo, int hi, float[] gDecScratch, float[] gEncScratch, float lr,
            float bc1, float bc2) {
        float[][] wDec = w.wDec();
        int d = w.dIn();
        adam(w.bEnc(), gBEnc, mBEnc, vBEnc, lo, hi, lr, bc1, bc2);
        for (int i = lo; i < hi; i++) {
            float[] row = wDec[i];
            float[] gDec = sum(parts, i, true, gDecScratch);
            if (gDec != zeros) {
                Vec.axpy(-Vec.dot(gDec, row), row, gDec);
            }
            adam(row, gDec, mDec[i], vDec[i], 0, d, lr, bc1, bc2);
            float norm = Vec.norm(row);
            if (norm > 0) {
                Vec.scale(row, 1f / norm);
            }
            adam(wEncT[i], sum(parts, i, false, gEncScratch), mEncT[i], vEncT[i], 0, d, lr, bc1, bc2);
        }
    }

    /**
     * The summed gradient row of one latent: {@link #zeros} if no part fired it, the one part's own row if only one
     * did (changed in place by the decoder's projection; the next step overwrites it), else
     * the sum in part order in {@code scratch}.
     */
    private float[] sum(Gradients[] parts, int latent, boolean decoder, float[] scratch) {
        float[] only = null;
        int firing = 0;
        for (Gradients p : parts) {
            if (p.fired[latent]) {
                only = decoder ? p.wDec[latent] : p.wEncT[latent];
                firing++;
            }
        }
        if (firing <= 1) {
            return firing == 0 ? zeros : only;
        }
        Arrays.fill(scratch, 0f);
        for (Gradients p : parts) {
            if (p.fired[latent]) {
                Vec.axpy(1f, decoder ? p.wDec[latent] : p.wEncT[latent], scratch);
            }
        }
        return scratch;
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
