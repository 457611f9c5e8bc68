package org.vivarium.plugin.sae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.sae.data.ArrayRowSource;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.testkit.RecordingProgress;
import org.vivarium.testkit.TestLinearAlgebra;

/**
 * SAEs trained on synthetic activations with known sparse structure: 64 random unit directions in 32
 * dimensions, exactly 3 of them per row.
 */
class SaeTrainerTest {
    private static final SyntheticSparse DATA = new SyntheticSparse(32, 64, 3, 20_000, 5);

    private static SaeConfig config(SaeKind kind, int k, long seed) {
        return new SaeConfig(kind, 64, k, 0.02, 3e-3, 128, 3000, seed, 500, 2, 8192);
    }

    private static TrainResult train(SaeConfig cfg, SaeWeights start) {
        return new SaeTrainer(cfg, TestLinearAlgebra.shared()).train(new ArrayRowSource(DATA.rows), null, start, new RecordingProgress());
    }

    @Test
    void reluSaeRecoversThePlantedDirectionsWithNearTrueSparsity() {
        TrainResult r = train(config(SaeKind.RELU, 0, 1), null);
        double recovery = DATA.recovery(r.sae().weights().wDec());
        EvalMetrics m = r.metrics();
        assertTrue(recovery > 0.9, "mean max-cosine to the planted directions " + recovery);
        assertTrue(m.explainedVariance() > 0.9, "explained variance " + m.explainedVariance());
        assertTrue(m.meanL0() >= 0.8 * DATA.trueL0 && m.meanL0() <= 2 * DATA.trueL0,
                "L0 " + m.meanL0() + " vs true " + DATA.trueL0);
        assertEquals(20_000, m.rows());
        assertEquals(3000L * 128, r.tokens());
        assertTrue(r.log().points().size() >= 100, "loss curve has " + r.log().points().size() + " points");
        LossLog.Point first = r.log().points().get(0);
        LossLog.Point last = r.log().last();
        assertTrue(last.mse() < first.mse() / 5, "MSE fell from " + first.mse() + " to " + last.mse());
    }

    @Test
    void topKHasExactlyKActiveAndRecoversTheDirections() {
        TrainResult r = train(config(SaeKind.TOPK, 3, 1), null);
        assertTrue(DATA.recovery(r.sae().weights().wDec()) > 0.9, "recovery " + DATA.recovery(r.sae().weights().wDec()));
        assertTrue(r.metrics().explainedVariance() > 0.9, "explained variance " + r.metrics().explainedVariance());
        SparseAutoencoder sae = r.sae();
        SparseAutoencoder.Scratch s = sae.scratch();
        float[] x = new float[32];
        int exactlyK = 0;
        for (float[] row : DATA.rows) {
            for (int j = 0; j < 32; j++) {
                x[j] = row[j] * r.scale();
            }
            int active = sae.encode(x, s);
            assertTrue(active <= 3, "a row has " + active + " active latents");
            exactlyK += active == 3 ? 1 : 0;
        }
        assertEquals(DATA.rows.length, exactlyK, "rows with exactly k=3 active latents");
        assertEquals(3.0, r.metrics().meanL0(), 1e-9);
    }

    @Test
    void resamplingRevivesDeliberatelyKilledLatents() {
        int[] killed = {0, 5, 9, 17, 33, 40, 51, 63};
        SaeWeights start = SaeWeights.init(32, 64, 9);
        for (int i : killed) {
            start.bEnc()[i] = -1000f;
        }
        SaeConfig cfg = config(SaeKind.RELU, 0, 1).withSteps(1500).withResampleEvery(200);
        TrainResult revived = train(cfg, start);
        TrainResult control = train(cfg.withResampleEvery(0), start);
        for (int i : killed) {
            assertEquals(0, control.metrics().fireCounts()[i], "latent " + i + " fired without resampling");
            assertTrue(revived.metrics().fireCounts()[i] > 0, "latent " + i + " is still dead after resampling");
        }
        assertTrue(revived.resampled() >= killed.length, "resampled " + revived.resampled());
        assertEquals(0, control.resampled());
        assertTrue(revived.metrics().explainedVariance() > control.metrics().explainedVariance(),
                "revived latents should help: " + revived.metrics().explainedVariance() + " vs "
                        + control.metrics().explainedVariance());
    }

    @Test
    void theSameSeedGivesIdenticalWeightsAndAnotherSeedDoesNot() {
        SaeConfig cfg = config(SaeKind.RELU, 0, 7).withSteps(300).withResampleEvery(50);
        SaeWeights a = train(cfg, null).sae().weights();
        SaeWeights b = train(cfg, null).sae().weights();
        SaeWeights c = train(new SaeConfig(SaeKind.RELU, 64, 0, 0.02, 3e-3, 128, 300, 8, 50, 2, 8192), null)
                .sae().weights();
        assertTrue(Arrays.deepEquals(a.wEnc(), b.wEnc()) && Arrays.deepEquals(a.wDec(), b.wDec()));
        assertArrayEquals(a.bEnc(), b.bEnc());
        assertArrayEquals(a.bDec(), b.bDec());
        assertFalse(Arrays.deepEquals(a.wDec(), c.wDec()));
    }

    @Test
    void decoderRowsStayUnitNormAndFoldingGivesTheSameReconstructionOnRawInputs() {
        TrainResult r = train(config(SaeKind.RELU, 0, 3).withSteps(400), null);
        for (float[] d : r.sae().weights().wDec()) {
            double norm = Math.sqrt(org.vivarium.plugin.sae.math.Vec.dot(d, d));
            assertEquals(1.0, norm, 1e-4);
        }
        SparseAutoencoder raw = new SparseAutoencoder(r.foldedWeights(), SaeKind.RELU, 0);
        SparseAutoencoder scaled = r.sae();
        float[] x = DATA.rows[17];
        float[] xs = x.clone();
        org.vivarium.plugin.sae.math.Vec.scale(xs, r.scale());
        SparseAutoencoder.Scratch s1 = raw.scratch();
        SparseAutoencoder.Scratch s2 = scaled.scratch();
        int n1 = raw.encode(x, s1);
        int n2 = scaled.encode(xs, s2);
        assertEquals(n2, n1);
        float[] out1 = new float[32];
        float[] out2 = new float[32];
        raw.decode(s1.idx, s1.val, n1, out1);
        scaled.decode(s2.idx, s2.val, n2, out2);
        for (int j = 0; j < 32; j++) {
            assertEquals(out2[j] / r.scale(), out1[j], 1e-4);
            assertEquals(s2.val[Math.min(j, n1 - 1)], s1.val[Math.min(j, n1 - 1)], 1e-4);
        }
    }
}
