package org.vivarium.plugin.circuits.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pearson and Spearman on small samples worked by hand. */
class CorrelationTest {
    @Test
    void pearsonOfALineIsOneAndOfItsMirrorMinusOne() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1, Correlation.pearson(x, new double[] {3, 5, 7, 9}), 1e-12);
        assertEquals(-1, Correlation.pearson(x, new double[] {4, 3, 2, 1}), 1e-12);
        // x = 1..4, y = 1, 3, 2, 4: cov 1.0 / var 1.25 -> 0.8
        assertEquals(0.8, Correlation.pearson(x, new double[] {1, 3, 2, 4}), 1e-12);
        assertTrue(Double.isNaN(Correlation.pearson(x, new double[] {2, 2, 2, 2})));
    }

    @Test
    void spearmanUsesMeanRanksForTies() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Correlation.ranks(new double[] {0.1, 5, 5, 7}), 1e-12);
        // monotone but not linear: Spearman 1, Pearson below 1
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 8, 27, 64, 125};
        assertEquals(1, Correlation.spearman(x, y), 1e-12);
        assertTrue(Correlation.pearson(x, y) < 0.99);
    }
}
