package org.vivarium.plugin.probes.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AurocTest {

    @Test
    void perfectRankingIsOneAndReversedIsZero() {
        double[] scores = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
        assertEquals(1.0, Auroc.of(scores, new int[] {0, 0, 0, 1, 1, 1}));
        assertEquals(0.0, Auroc.of(scores, new int[] {1, 1, 1, 0, 0, 0}));
    }

    @Test
    void tiesCountHalf() {
        assertEquals(0.5, Auroc.of(new double[] {1, 1, 1, 1}, new int[] {0, 1, 0, 1}));
        // one positive above both negatives, one tied with a negative: (2 + 0.5 + 1) / 4
        assertEquals(0.875, Auroc.of(new double[] {0, 1, 1, 2}, new int[] {0, 0, 1, 1}));
    }

    @Test
    void matchesPairCountingOnAnUnorderedExample() {
        double[] s = {0.3, 0.9, 0.1, 0.5, 0.7};
        int[] y = {1, 1, 0, 0, 1};
        // positives 0.3, 0.9, 0.7 vs negatives 0.1, 0.5: wins 1 + 2 + 2 = 5 of 6
        assertEquals(5.0 / 6, Auroc.of(s, y), 1e-12);
    }

    @Test
    void missingClassIsNaN() {
        assertTrue(Double.isNaN(Auroc.of(new double[] {1, 2}, new int[] {1, 1})));
    }
}
