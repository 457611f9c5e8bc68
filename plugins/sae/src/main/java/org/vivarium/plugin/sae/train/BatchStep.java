package org.vivarium.plugin.sae.train;

import java.util.Arrays;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Vec;

/**
 * One worker's share of a batch: its rows' dense encoder product ({@link DenseEncoder}), then the sparse part of the
 * forward pass and the backward pass, accumulating into its own {@link Gradients}. For loss
 * {@code L = mean_b(||x_hat - x||^2 / d_in) + l1 * mean_b(sum_i f_i)}:
 * {@code g = dL/dx_hat = 2 (x_hat - x) / (d_in B)};
 * for each active latent {@code i}, {@code dL/dW_dec[i] += f_i g}, {@code dL/dpre_i = g . W_dec[i] + l1/B},
 * {@code dL/db_enc[i] += dL/dpre_i}, {@code dL/dW_enc[:, i] += dL/dpre_i (x - b_dec)}; {@code dL/db_dec = sum_b g -
 * W_enc dL/db_enc} is finished by the optimizer. Inactive latents get no gradient (ReLU and TopK both pass none).
 *
 * <p>The forward pass runs row by row (TopK, decoding, {@code g}); the backward pass then runs latent by latent over
 * the rows that latent fired on (rows in ascending order, so every gradient entry adds the same terms in the same
 * order as a row-by-row pass would), which reads each decoder row and writes each gradient row once per step
 * instead of once per firing. A fired latent's gradient rows are overwritten by their first term, so
 * {@link Gradients#clear} need not zero them.
 */
final class BatchStep {
    /** Active latents per row the buffers start with room for. */
    private static final int INITIAL_ACTIVE = 64;

    private final SparseAutoencoder sae;
    private final SparseAutoencoder.Scratch scratch;
    private final float[] xHat;
    private final float[][] g;
    private final float[][] xc;
    private final int[] rowStart;
    private final int[] latentStart;
    /** The active latents of every row, row after row; grown when a step has more than fit. */
    private int[] activeIdx;
    private float[] activeVal;
    /** The same, latent after latent: the row each firing came from and its value. */
    private int[] firedRow;
    private float[] firedVal;

    /**
     * @param sae the autoencoder being trained
     * @param rows the most rows one call handles
     */
    BatchStep(SparseAutoencoder sae, int rows) {
        this.sae = sae;
        this.scratch = sae.scratch();
        int d = sae.weights().dIn();
        int n = sae.weights().latents();
        this.xHat = new float[d];
        this.g = new float[rows][d];
        this.xc = new float[rows][d];
        this.rowStart = new int[rows + 1];
        this.latentStart = new int[n + 1];
        grow(rows * Math.min(n, INITIAL_ACTIVE));
    }

    /**
     * Runs one worker's rows: their encoder product, then the sparse pass.
     *
     * @param batch the scaled input rows
     * @param encoder computes the part's pre-activations (its weights already set for this step)
     * @param part the worker's part; its rows are {@code [from, to)}
     * @param from first row
     * @param to end row
     * @param out this worker's gradients (cleared by the caller)
     * @param l1 the L1 coefficient in force (0 for TopK)
     * @param mean the data mean, for the batch's explained variance
     * @return nanoseconds spent in the encoder product (with its copies)
     */
    long run(float[][] batch, DenseEncoder encoder, int part, int from, int to, Gradients out, float l1,
            float[] mean) {
        long t0 = System.nanoTime();
        float[] pre = encoder.encode(part, batch, sae.weights().bDec());
        long encoded = System.nanoTime() - t0;
        forward(batch, pre, from, to, out, mean);
        backward(to - from, out, l1 / batch.length);
        return encoded;
    }

    /** Row by row: the active latents, the reconstruction, the loss sums, {@code g} and {@code x - b_dec}. */
    private void forward(float[][] batch, float[] pre, int from, int to, Gradients out, float[] mean) {
        int d = xHat.length;
        float gScale = 2f / (d * (float) batch.length);
        float[] bDec = sae.weights().bDec();
        int[] idx = scratch.idx;
        float[] val = scratch.val;
        int latents = scratch.pre.length;
        int at = 0;
        for (int r = from; r < to; r++) {
            int local = r - from;
            float[] x = batch[r];
            int active = sae.sparsify(pre, local * latents, scratch);
            rowStart[local] = at;
            if (at + active > activeIdx.length) {
                grow(Math.max(at + active, 2 * activeIdx.length));
            }
            System.arraycopy(idx, 0, activeIdx, at, active);
            System.arraycopy(val, 0, activeVal, at, active);
            at += active;
            sae.decode(idx, val, active, xHat);
            float[] gr = g[local];
            float[] xcr = xc[local];
            double se = 0;
            double var = 0;
            for (int j = 0; j < d; j++) {
                float e = xHat[j] - x[j];
                se += e * e;
                float c = x[j] - mean[j];
                var += c * c;
                gr[j] = e * gScale;
                xcr[j] = x[j] - bDec[j];
            }
            Vec.axpy(1f, gr, out.bDec);
            double fSum = 0;
            for (int a = 0; a < active; a++) {
                fSum += val[a];
            }
            out.mse += se / d;
            out.l1 += fSum;
            out.l0 += active;
            out.variance += var / d;
        }
        rowStart[to - from] = at;
    }

    /** {@code y = a x}: a gradient row's first term, so rows need no clearing between steps. */
    private static void set(float a, float[] x, float[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] = a * x[j];
        }
    }

    private void grow(int capacity) {
        activeIdx = activeIdx == null ? new int[capacity] : Arrays.copyOf(activeIdx, capacity);
        activeVal = activeVal == null ? new float[capacity] : Arrays.copyOf(activeVal, capacity);
        firedRow = new int[capacity];
        firedVal = new float[capacity];
    }

    /** Latent by latent over the rows it fired on, rows ascending. */
    private void backward(int rows, Gradients out, float l1Grad) {
        int n = latentStart.length - 1;
        Arrays.fill(latentStart, 0);
        int total = rowStart[rows];
        for (int a = 0; a < total; a++) {
            latentStart[activeIdx[a] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            latentStart[i + 1] += latentStart[i];
        }
        for (int r = 0; r < rows; r++) {
            for (int a = rowStart[r]; a < rowStart[r + 1]; a++) {
                int slot = latentStart[activeIdx[a]]++;
                firedRow[slot] = r;
                firedVal[slot] = activeVal[a];
            }
        }
        float[][] wDec = sae.weights().wDec();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = latentStart[i];
            if (end > start) {
                out.touch(i);
                float[] gDec = out.wDec[i];
                float[] gEnc = out.wEncT[i];
                float[] dec = wDec[i];
                float[] gr = g[firedRow[start]];
                float dPre = Vec.dot(gr, dec) + l1Grad;
                float bEnc = dPre;
                set(firedVal[start], gr, gDec);
                set(dPre, xc[firedRow[start]], gEnc);
                for (int s = start + 1; s < end; s++) {
                    gr = g[firedRow[s]];
                    Vec.axpy(firedVal[s], gr, gDec);
                    dPre = Vec.dot(gr, dec) + l1Grad;
                    bEnc += dPre;
                    Vec.axpy(dPre, xc[firedRow[s]], gEnc);
                }
                out.bEnc[i] = bEnc;
            }
            start = end;
        }
    }
}
