package org.vivarium.plugin.sae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Workers;
import org.vivarium.testkit.TestLinearAlgebra;

/**
 * The per-worker sgemms' pre-activations (three workers' rows, weights held transposed) against the per-row Java
 * encoder, and the same latents selected from them.
 */
class DenseEncoderTest {
    @Test
    void batchProductAgreesWithThePerRowEncoderAndPicksTheSameLatents() {
        int d = 48;
        int n = 200;
        SplittableRandom r = new SplittableRandom(3);
        SaeWeights w = RandomSae.weights(d, n, 9, r, -0.5, 0.5, 1);
        float[][] batch = RandomSae.gaussianRows(37, d, r);
        int parts = 3;
        DenseEncoder encoder = new DenseEncoder(TestLinearAlgebra.shared(), batch.length, d, n, parts);
        encoder.weights(TransposedEncoder.of(w).rows(), w.bEnc());
        float[][] pre = new float[parts][];
        for (int p = 0; p < parts; p++) {
            pre[p] = encoder.encode(p, batch, w.bDec());
        }
        SparseAutoencoder sae = new SparseAutoencoder(w, SaeKind.TOPK, 16);
        SparseAutoencoder.Scratch perRow = sae.scratch();
        SparseAutoencoder.Scratch fromGemm = sae.scratch();
        double worst = 0;
        int sameLatents = 0;
        for (int row = 0; row < batch.length; row++) {
            int expected = sae.encode(batch[row], perRow);
            int part = 0;
            while (row >= Workers.split(batch.length, parts, part + 1)) {
                part++;
            }
            System.arraycopy(pre[part], (row - Workers.split(batch.length, parts, part)) * n, fromGemm.pre, 0, n);
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(perRow.pre[i] - fromGemm.pre[i]));
            }
            int got = sae.sparsify(fromGemm);
            boolean same = got == expected;
            for (int a = 0; same && a < got; a++) {
                same = perRow.idx[a] == fromGemm.idx[a];
                assertEquals(perRow.val[a], fromGemm.val[a], 1e-4, "row " + row + " latent " + perRow.idx[a]);
            }
            sameLatents += same ? 1 : 0;
        }
        assertTrue(worst < 1e-4, "largest pre-activation difference " + worst);
        assertEquals(batch.length, sameLatents, "rows whose top-16 latents match the per-row encoder's");
    }
}
