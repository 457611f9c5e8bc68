package org.vivarium.plugin.steering.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeparationTest {
    @Test
    void aurocCountsPairsAndTiesHalf() {
        assertEquals(1.0, Separation.of(new double[] {3, 4}, new double[] {1, 2}).auroc(), 1e-12);
        assertEquals(0.0, Separation.of(new double[] {1, 2}, new double[] {3, 4}).auroc(), 1e-12);
        // pairs: (2>1) (2<3) (5>1) (5>3) -> 3 of 4
        assertEquals(0.75, Separation.of(new double[] {2, 5}, new double[] {1, 3}).auroc(), 1e-12);
        assertEquals(0.5, Separation.of(new double[] {1}, new double[] {1}).auroc(), 1e-12);
        assertTrue(Double.isNaN(Separation.of(new double[0], new double[] {1}).auroc()));
    }

    @Test
    void cohensDUsesThePooledStandardDeviation() {
        // means 2 and 0, sample variances 1 and 1 -> pooled sd 1 -> d = 2
        Separation s = Separation.of(new double[] {1, 2, 3}, new double[] {-1, 0, 1});
        assertEquals(2.0, s.cohensD(), 1e-12);
        assertEquals(6, s.n());
        assertTrue(Double.isNaN(Separation.of(new double[] {1}, new double[] {0, 1}).cohensD()));
    }

    @Test
    void betterThanPrefersAurocThenEffectSize() {
        Separation a = new Separation(0.9, 1, 10);
        Separation b = new Separation(0.8, 5, 10);
        Separation c = new Separation(0.9, -3, 10);
        assertTrue(a.betterThan(b));
        assertTrue(c.betterThan(a));
        assertFalse(Separation.NONE.betterThan(b));
    }
}
