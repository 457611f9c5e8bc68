package org.vivarium.plugin.sae.train;

import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Vec;

/**
 * The sparse part of the forward pass and the backward pass over one worker's share of a batch (the dense encoder
 * product for the whole batch comes from {@link DenseEncoder}), accumulating into its own
 * {@link Gradients}. For loss {@code L = mean_b(||x_hat - x||^2 / d_in) + l1 * mean_b(sum_i f_i)}:
 * {@code g = dL/dx_hat = 2 (x_hat - x) / (d_in B)}; for each active latent {@code i},
 * {@code dL/dW_dec[i] += f_i g}, {@code dL/dpre_i = g . W_dec[i] + l1/B}, {@code dL/db_enc[i] += dL/dpre_i},
 * {@code dL/dW_enc[:, i] += dL/dpre_i (x - b_dec)}; {@code dL/db_dec = sum_b g - W_enc dL/db_enc} is finished
 * by the optimizer. Inactive latents get no gradient (ReLU and TopK both pass none).
 */
final class BatchStep {
    private final SparseAutoencoder sae;
    private final SparseAutoencoder.Scratch scratch;
    private final float[] xHat;
    private final float[] g;
    private final float[] xc;

    BatchStep(SparseAutoencoder sae) {
        this.sae = sae;
        this.scratch = sae.scratch();
        int d = sae.weights().dIn();
        this.xHat = new float[d];
        this.g = new float[d];
        this.xc = new float[d];
    }

    /**
     * Runs rows {@code [from, to)} of the batch.
     *
     * @param batch the scaled input rows
     * @param encoder holds the batch's pre-activations, already computed
     * @param from first row
     * @param to end row
     * @param out this worker's gradients (cleared by the caller)
     * @param l1 the L1 coefficient in force (0 for TopK)
     * @param mean the data mean, for the batch's explained variance
     */
    void run(float[][] batch, DenseEncoder encoder, int from, int to, Gradients out, float l1, float[] mean) {
        int d = xHat.length;
        float gScale = 2f / (d * (float) batch.length);
        float l1Grad = l1 / batch.length;
        float[] bDec = sae.weights().bDec();
        float[][] wDec = sae.weights().wDec();
        int[] idx = scratch.idx;
        float[] val = scratch.val;
        for (int r = from; r < to; r++) {
            float[] x = batch[r];
            encoder.row(r, scratch.pre);
            int active = sae.sparsify(scratch);
            sae.decode(idx, val, active, xHat);
            double se = 0;
            double var = 0;
            for (int j = 0; j < d; j++) {
                float e = xHat[j] - x[j];
                se += e * e;
                float c = x[j] - mean[j];
                var += c * c;
                g[j] = e * gScale;
                xc[j] = x[j] - bDec[j];
            }
            Vec.axpy(1f, g, out.bDec);
            double fSum = 0;
            for (int a = 0; a < active; a++) {
                int i = idx[a];
                float f = val[a];
                fSum += f;
                out.touch(i);
                Vec.axpy(f, g, out.wDec[i]);
                float dPre = Vec.dot(g, wDec[i]) + l1Grad;
                out.bEnc[i] += dPre;
                Vec.axpy(dPre, xc, out.wEncT[i]);
            }
            out.mse += se / d;
            out.l1 += fSum;
            out.l0 += active;
            out.variance += var / d;
        }
    }
}
