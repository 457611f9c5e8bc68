package org.vivarium.plugin.sae.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.sae.math.SaeWeights;

/** MMCS, dead and duplicate latents on dictionaries whose answer is known. */
class FeatureRecoveryTest {
    private static final int D = 64;
    private static final int FEATURES = 20;

    private static float[][] features() {
        return SaeWeights.init(D, FEATURES, 7).wDec();
    }

    private static long[] live(int n) {
        long[] c = new long[n];
        Arrays.fill(c, 5);
        return c;
    }

    @Test
    void theTrueFeaturesAsDecoderScoreOne() {
        float[][] f = features();
        float[][] scaled = new float[FEATURES][];
        for (int i = 0; i < FEATURES; i++) {
            scaled[i] = f[(i + 3) % FEATURES].clone(); // permuted and rescaled: cosine ignores both
            for (int j = 0; j < D; j++) {
                scaled[i][j] *= 2.5f;
            }
        }
        FeatureRecovery r = FeatureRecovery.score(scaled, live(FEATURES), f, 0.9);
        assertEquals(1.0, r.mmcs(), 1e-6);
        assertEquals(FEATURES, r.recoveredAt90());
        assertEquals(0, r.dead());
        assertEquals(0, r.duplicates());
        assertEquals(FEATURES - 3, r.bestLatent()[0], "latent 17 holds feature 0");
    }

    @Test
    void aRandomDictionaryScoresLow() {
        FeatureRecovery r = FeatureRecovery.score(SaeWeights.init(D, 40, 99).wDec(), live(40), features(), 0.9);
        assertTrue(r.mmcs() < 0.5, "random directions in 64 dims: " + r.mmcs());
        assertEquals(0, r.recoveredAt90());
    }

    @Test
    void deadLatentsDoNotCountAndDuplicatesDo() {
        float[][] f = features();
        float[][] dec = new float[FEATURES + 2][];
        System.arraycopy(f, 0, dec, 0, FEATURES);
        dec[FEATURES] = f[4].clone(); // a duplicate of latent 4
        dec[FEATURES + 1] = f[5].clone(); // a second copy of feature 5; both copies are dead
        long[] counts = live(FEATURES + 2);
        counts[5] = 0;
        counts[FEATURES + 1] = 0;
        FeatureRecovery r = FeatureRecovery.score(dec, counts, f, 0.9);
        assertEquals(2, r.dead());
        assertEquals(1, r.duplicates());
        assertEquals(4, r.duplicatePairs().get(0)[0]);
        assertEquals(FEATURES, r.duplicatePairs().get(0)[1]);
        assertTrue(r.maxCosine()[5] < 0.9, "feature 5 has only dead latents: " + r.maxCosine()[5]);
        assertEquals(FEATURES - 1, r.recoveredAt90());
    }

    @Test
    void theRepresentedThresholdDropsFeaturesTheModelDidNotKeep() {
        TrueFeatures t = TrueFeatures.represented(new float[][] {{1, 0}, {0.1f, 0.2f}, {0, -0.8f}}, 0.5);
        assertEquals(2, t.directions().length);
        assertEquals(3, t.total());
        assertEquals(2, t.indices()[1]);
        assertThrows(IllegalArgumentException.class, () -> FeatureRecovery.score(new float[][] {{1, 0}},
                new long[] {1}, new float[0][], 0.9));
    }
}
