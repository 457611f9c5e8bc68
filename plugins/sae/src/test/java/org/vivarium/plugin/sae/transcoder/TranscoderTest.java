package org.vivarium.plugin.sae.transcoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.sae.data.ArrayRowSource;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.testkit.RecordingProgress;

/** The transcoder's map, its SAE-format copy, and training on a target with a known sparse structure. */
class TranscoderTest {
    private static final int D = 16;

    @Test
    void theSaeFormatCopyComputesTheSameLatentsAndOutput() {
        SaeWeights w = SaeWeights.init(D, 48, 3);
        SplittableRandom r = new SplittableRandom(5);
        for (int j = 0; j < D; j++) {
            w.bDec()[j] = (float) r.nextGaussian();
        }
        for (int i = 0; i < 48; i++) {
            w.bEnc()[i] = (float) (0.1 * r.nextGaussian());
        }
        Transcoder t = new Transcoder(w, 6);
        SparseAutoencoder sae = new SparseAutoencoder(t.asSaeWeights(), SaeKind.TOPK, 6);
        SparseAutoencoder.Scratch a = t.scratch();
        SparseAutoencoder.Scratch b = sae.scratch();
        for (int row = 0; row < 20; row++) {
            float[] x = new float[D];
            for (int j = 0; j < D; j++) {
                x[j] = (float) r.nextGaussian();
            }
            float[] y1 = new float[D];
            float[] y2 = new float[D];
            int n1 = t.apply(x, a, y1);
            int n2 = sae.encode(x, b);
            sae.decode(b.idx, b.val, n2, y2);
            assertEquals(n1, n2);
            assertArrayEquals(java.util.Arrays.copyOf(a.idx, n1), java.util.Arrays.copyOf(b.idx, n2));
            assertArrayEquals(y1, y2, 1e-4f);
        }
    }

    @Test
    void trainingLearnsASparseMapFromInputToTarget() {
        // target y = ReLU(A x) with 8 hidden units: a sparse nonlinear map a transcoder of 32 latents can fit
        SplittableRandom r = new SplittableRandom(11);
        float[][] a = new float[8][D];
        float[][] b = new float[8][D];
        for (int h = 0; h < 8; h++) {
            for (int j = 0; j < D; j++) {
                a[h][j] = (float) r.nextGaussian() / 4;
                b[h][j] = (float) r.nextGaussian();
            }
        }
        float[][] in = new float[4000][D];
        float[][] out = new float[4000][D];
        for (int n = 0; n < in.length; n++) {
            for (int j = 0; j < D; j++) {
                in[n][j] = (float) r.nextGaussian();
            }
            for (int h = 0; h < 8; h++) {
                float z = 0;
                for (int j = 0; j < D; j++) {
                    z += a[h][j] * in[n][j];
                }
                for (int j = 0; j < D && z > 0; j++) {
                    out[n][j] += z * b[h][j];
                }
            }
        }
        PairedRows pairs = new PairedRows(new ArrayRowSource(in), new ArrayRowSource(out));
        TranscoderSettings s = new TranscoderSettings(32, 8, 3e-3, 128, 1500, 1, 4000);
        TranscoderEval before = TranscoderEval.of(new Transcoder(SaeWeights.init(D, 32, 1), 8), pairs);
        Transcoder t = new TranscoderTrainer(s).train(pairs, new RecordingProgress());
        TranscoderEval after = TranscoderEval.of(t, pairs);
        assertTrue(after.varianceExplained() > 0.8, "trained: " + after + ", untrained: " + before);
        assertTrue(before.varianceExplained() < 0.1, "untrained: " + before);
        assertTrue(after.meanL0() <= 8 && after.meanL0() > 4, "TopK 8 keeps at most 8 positive latents: " + after);
    }
}
