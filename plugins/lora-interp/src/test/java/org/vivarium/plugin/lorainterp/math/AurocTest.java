package org.vivarium.plugin.lorainterp.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** AUROC as the probability a positive outscores a negative, counted pair by pair. */
class AurocTest {

    @Test
    void matchesPairCounting() {
        double[] pos = {0.9, 0.4, 0.4, 2.0};
        double[] neg = {0.4, 0.1, 1.0};
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        assertEquals(wins / (pos.length * neg.length), Auroc.of(pos, neg), 1e-12);
        assertEquals(1, Auroc.of(new double[] {3, 4}, new double[] {1, 2}));
        assertEquals(0, Auroc.of(new double[] {1}, new double[] {2}));
        assertTrue(Double.isNaN(Auroc.of(new double[0], new double[] {1})));
    }
}
