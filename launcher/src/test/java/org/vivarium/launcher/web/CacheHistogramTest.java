package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.cache.MapDbActivationCache;

/**
 * {@link CacheHistogram} on a real MapDB cache with a hand-set ReLU SAE of two inputs and two latents: latent 1's
 * pre-activation is {@code x0 - (x1 + 0.5) - 0.5 = x0 - x1 - 1} ({@code W_enc[:, 1] = (1, -1)},
 * {@code b_dec = (0, -0.5)}, {@code b_enc[1] = -0.5}); and the row cap.
 */
class CacheHistogramTest {
    /** (x0, x1) of six cached tokens; latent 1 = max(0, x0 - x1 - 1): 0, 0.5, 2.5, 0, 1, 3.5. */
    static final float[][] ROWS = {{0f, 0f}, {1f, -0.5f}, {2f, -1.5f}, {1f, 1f}, {1.5f, -0.5f}, {3f, -1.5f}};

    static Path cache(Path dir) {
        Path cache = dir.resolve("cache");
        try (MapDbActivationCache c = MapDbActivationCache.open(cache);
                RunWriter w = c.newRun(FeatureCacheHistogramHttpTest.spec("r"))) {
            for (int t = 0; t < ROWS.length; t++) {
                w.append("h", 0, t, ROWS[t]);
            }
            w.finish();
        }
        return cache;
    }

    static SaeLatent relu() {
        // W_enc [2, 2]: column 1 = (1, -1); b_enc = (5, -0.5); b_dec = (0, -0.5) so x - b_dec = (x0, x1 + 0.5)
        return new SaeLatent(1, new FloatMatrix(2, 2, new float[] {0f, 1f, 0f, -1f}), new float[] {5f, -0.5f},
                new float[] {0f, -0.5f}, 0, "r", "h");
    }

    @Test
    void reluLatentBinsItsNonZeroActivationsOverAllCachedTokens(@TempDir Path dir) {
        // pre = x0 - (x1 + 0.5) - 0.5 = x0 - x1 - 1: -1, 0.5, 2.5, -1, 1, 3.5 -> non-zero 0.5, 2.5, 1, 3.5
        CacheHistogram.Result r = new CacheHistogram(cache(dir)).latent(relu(), 3);
        assertEquals(6, r.tokens());
        assertEquals(4, r.histogram().sampled());
        assertEquals(0.5f, r.histogram().min());
        assertEquals(3.5f, r.histogram().max());
        // bins of width 1: [0.5, 1.5) holds 0.5 and 1, [1.5, 2.5) none, [2.5, 3.5] holds 2.5 and 3.5
        assertArrayEquals(new long[] {2, 0, 2}, r.histogram().counts());
        assertEquals("from the cache (6 tokens): all 6 cached tokens of run r, hook h, 4 non-zero activations", r.note());
    }

    @Test
    void rowsPastTheCapAreNotReadAndTheNoteSaysSo(@TempDir Path dir) {
        CacheHistogram.Result r = new CacheHistogram(cache(dir), 3).latent(relu(), 2);
        assertEquals(3, r.tokens());
        assertEquals(2, r.histogram().sampled(), "0.5 and 2.5 among the first three tokens");
        assertEquals("from the cache (3 tokens): the first 3 of 6 cached tokens of run r, hook h, 2 non-zero"
                + " activations", r.note());
    }

    @Test
    void aNeuronOutsideTheCachedWidthIsRefusedWithTheReason(@TempDir Path dir) {
        CacheHistogram.Result r = new CacheHistogram(cache(dir)).neuron("em-tiny", "h", 2, 3);
        assertNull(r.histogram());
        assertEquals("the activation cache could not be read (cached rows of h have 2 values, so no neuron 2)",
                r.note());
    }
}
