package org.vivarium.plugin.sae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Vec;
import org.vivarium.testkit.TestLinearAlgebra;

/**
 * The analytic gradients of the batch step (split over two workers, pre-activations from the batch's sgemm) against
 * central finite differences of the per-row Java encoder's loss.
 */
class GradientTest {
    private static final int D = 8;
    private static final int N = 12;
    private static final float L1 = 0.05f;

    private static double loss(SparseAutoencoder sae, float[][] batch) {
        SparseAutoencoder.Scratch s = sae.scratch();
        float[] xHat = new float[D];
        double total = 0;
        for (float[] x : batch) {
            int active = sae.encode(x, s);
            sae.decode(s.idx, s.val, active, xHat);
            double f = 0;
            for (int a = 0; a < active; a++) {
                f += s.val[a];
            }
            total += Vec.squaredDistance(x, xHat) / D + (sae.kind() == SaeKind.RELU ? L1 * f : 0);
        }
        return total / batch.length;
    }

    @Test
    void reluAndTopKGradientsMatchFiniteDifferences() {
        for (SaeKind kind : SaeKind.values()) {
            SplittableRandom r = new SplittableRandom(4);
            SaeWeights w = RandomSae.weights(D, N, 2, r, -0.2, 0.4, 0.3);
            float[][] batch = RandomSae.gaussianRows(6, D, r);
            SparseAutoencoder sae = new SparseAutoencoder(w, kind, 4);
            Gradients[] parts = {new Gradients(D, N), new Gradients(D, N)};
            float[] mean = new float[D];
            float l1 = kind == SaeKind.RELU ? L1 : 0;
            DenseEncoder encoder = new DenseEncoder(TestLinearAlgebra.shared(), batch.length, D, N, 2);
            encoder.weights(TransposedEncoder.of(w).rows(), w.bEnc());
            new BatchStep(sae, 3).run(batch, encoder, 0, 0, 3, parts[0], l1, mean);
            new BatchStep(sae, 3).run(batch, encoder, 1, 3, 6, parts[1], l1, mean);
            double eps = 1e-3;
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < D; j += 3) {
                    double gDec = parts[0].wDec[i][j] + parts[1].wDec[i][j];
                    assertEquals(numeric(sae, batch, w.wDec()[i], j, eps), gDec, 2e-3, kind + " W_dec[" + i + "][" + j + "]");
                    double gEnc = parts[0].wEncT[i][j] + parts[1].wEncT[i][j];
                    assertEquals(numeric(sae, batch, w.wEnc()[j], i, eps), gEnc, 2e-3, kind + " W_enc[" + j + "][" + i + "]");
                }
                double gB = parts[0].bEnc[i] + parts[1].bEnc[i];
                assertEquals(numeric(sae, batch, w.bEnc(), i, eps), gB, 2e-3, kind + " b_enc[" + i + "]");
            }
            for (int j = 0; j < D; j++) {
                double g = parts[0].bDec[j] + parts[1].bDec[j];
                for (int i = 0; i < N; i++) {
                    g -= w.wEnc()[j][i] * (parts[0].bEnc[i] + parts[1].bEnc[i]);
                }
                assertEquals(numeric(sae, batch, w.bDec(), j, eps), g, 2e-3, kind + " b_dec[" + j + "]");
            }
        }
    }

    private static double numeric(SparseAutoencoder sae, float[][] batch, float[] param, int at, double eps) {
        float keep = param[at];
        param[at] = (float) (keep + eps);
        double up = loss(sae, batch);
        param[at] = (float) (keep - eps);
        double down = loss(sae, batch);
        param[at] = keep;
        return (up - down) / (2 * eps);
    }
}
