package org.vivarium.plugin.sae.train;

import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.plugin.sae.math.Workers;

/**
 * A batch's encoder pre-activations {@code (X - b_dec) W_enc + b_enc} as BLAS sgemms through the host's
 * {@link LinearAlgebra}, one per worker over its own rows, so each worker's product runs in parallel with the
 * others' and its result is cache-hot for the worker's sparse pass. The bias rides along as an extra input column of
 * ones times an extra weight column {@code b_enc}; the weights are held as {@code [latents, d_in+1]} (the layout
 * training keeps {@code W_enc^T} in) and multiplied transposed, so each product is
 * {@code [rows, d_in+1] x [latents, d_in+1]^T}. Buffers are reused from step to step. With the same weights, rows,
 * worker count and native thread count the result is bit-identical.
 */
final class DenseEncoder {
    private final LinearAlgebra linearAlgebra;
    private final int dIn;
    private final int latents;
    private final int batch;
    private final FloatMatrix weights;
    private final FloatMatrix[] inputs;
    private final FloatMatrix[] pre;

    /**
     * @param linearAlgebra the host's service
     * @param batch rows per step
     * @param dIn input width
     * @param latents dictionary size
     * @param parts workers the rows are split over ({@link Workers#split})
     */
    DenseEncoder(LinearAlgebra linearAlgebra, int batch, int dIn, int latents, int parts) {
        this.linearAlgebra = linearAlgebra;
        this.dIn = dIn;
        this.latents = latents;
        this.batch = batch;
        this.weights = new FloatMatrix(latents, dIn + 1, new float[latents * (dIn + 1)]);
        this.inputs = new FloatMatrix[parts];
        this.pre = new FloatMatrix[parts];
        for (int p = 0; p < parts; p++) {
            int rows = Math.max(1, Workers.split(batch, parts, p + 1) - Workers.split(batch, parts, p));
            inputs[p] = new FloatMatrix(rows, dIn + 1, new float[rows * (dIn + 1)]);
            pre[p] = new FloatMatrix(rows, latents, new float[rows * latents]);
        }
    }

    /**
     * Takes this step's weights (before the workers run).
     *
     * @param wEncT {@code W_enc^T}, {@code [latents][d_in]}
     * @param bEnc {@code [latents]}
     */
    void weights(float[][] wEncT, float[] bEnc) {
        float[] flat = weights.data();
        int width = dIn + 1;
        for (int i = 0; i < latents; i++) {
            System.arraycopy(wEncT[i], 0, flat, i * width, dIn);
            flat[i * width + dIn] = bEnc[i];
        }
    }

    /**
     * Computes the pre-activations of one part's rows with the weights last passed to {@link #weights}.
     *
     * @param part the worker's part
     * @param rows the scaled input rows of the whole batch, {@code [B][d_in]}
     * @param bDec the decoder bias
     * @return the pre-activations, row-major {@code [rows of the part][latents]}; row {@code r} of the batch starts
     *     at {@code (r - first row of the part) * latents}; valid until the part's next call
     */
    float[] encode(int part, float[][] rows, float[] bDec) {
        int from = Workers.split(batch, inputs.length, part);
        int to = Workers.split(batch, inputs.length, part + 1);
        if (to == from) {
            return pre[part].data();
        }
        float[] in = inputs[part].data();
        int width = dIn + 1;
        for (int r = from; r < to; r++) {
            float[] x = rows[r];
            int o = (r - from) * width;
            for (int j = 0; j < dIn; j++) {
                in[o + j] = x[j] - bDec[j];
            }
            in[o + dIn] = 1f;
        }
        linearAlgebra.gemm(inputs[part], false, weights, true, pre[part]);
        return pre[part].data();
    }
}
