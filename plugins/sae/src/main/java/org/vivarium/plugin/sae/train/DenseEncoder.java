package org.vivarium.plugin.sae.train;

import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.plugin.sae.math.SaeWeights;

/**
 * A batch's encoder pre-activations {@code (X - b_dec) W_enc + b_enc} as one BLAS sgemm through the host's
 * {@link LinearAlgebra}: the bias rides along as an extra input column of ones times an extra weight row
 * {@code b_enc}, so the product is {@code [B, d_in+1] x [d_in+1, latents]}. Buffers are reused from step to step.
 * With the same weights, rows and native thread count the result is bit-identical.
 */
final class DenseEncoder {
    private final LinearAlgebra linearAlgebra;
    private final int dIn;
    private final int latents;
    private final FloatMatrix inputs;
    private final FloatMatrix weights;
    private final FloatMatrix pre;

    /**
     * @param linearAlgebra the host's service
     * @param batch rows per step
     * @param dIn input width
     * @param latents dictionary size
     */
    DenseEncoder(LinearAlgebra linearAlgebra, int batch, int dIn, int latents) {
        this.linearAlgebra = linearAlgebra;
        this.dIn = dIn;
        this.latents = latents;
        this.inputs = new FloatMatrix(batch, dIn + 1, new float[batch * (dIn + 1)]);
        this.weights = new FloatMatrix(dIn + 1, latents, new float[(dIn + 1) * latents]);
        this.pre = new FloatMatrix(batch, latents, new float[batch * latents]);
    }

    /**
     * Computes the pre-activations of every row of the batch with the current weights.
     *
     * @param batch {@code [B][d_in]}, B as constructed
     * @param w the weights (read now; later updates need another call)
     */
    void encode(float[][] batch, SaeWeights w) {
        float[] bDec = w.bDec();
        float[] in = inputs.data();
        int width = dIn + 1;
        for (int r = 0; r < batch.length; r++) {
            float[] x = batch[r];
            int o = r * width;
            for (int j = 0; j < dIn; j++) {
                in[o + j] = x[j] - bDec[j];
            }
            in[o + dIn] = 1f;
        }
        float[][] wEnc = w.wEnc();
        float[] flat = weights.data();
        for (int j = 0; j < dIn; j++) {
            System.arraycopy(wEnc[j], 0, flat, j * latents, latents);
        }
        System.arraycopy(w.bEnc(), 0, flat, dIn * latents, latents);
        linearAlgebra.gemm(inputs, false, weights, false, pre);
    }

    /**
     * Copies one row's pre-activations out.
     *
     * @param row the batch row
     * @param out receives {@code latents} values
     */
    void row(int row, float[] out) {
        System.arraycopy(pre.data(), row * latents, out, 0, latents);
    }
}
