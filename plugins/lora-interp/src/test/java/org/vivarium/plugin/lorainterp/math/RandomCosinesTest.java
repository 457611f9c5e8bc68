package org.vivarium.plugin.lorainterp.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The random-direction null: seeded, sorted, and in high dimension its 99th percentile of |cos| approaches
 * the Gaussian value 2.576 / sqrt(d).
 */
class RandomCosinesTest {

    @Test
    void percentileMatchesTheGaussianLimitAndIsSeeded() {
        int d = 400;
        double[] ref = new double[d];
        ref[3] = 2;
        ref[7] = -1;
        RandomCosines r = RandomCosines.against(ref, 4000, 11);
        double expected = 2.5758 / Math.sqrt(d);
        assertEquals(expected, r.percentile(0.99), 0.12 * expected);
        assertTrue(r.percentile(0.5) < r.percentile(0.99));
        assertEquals(r.sortedAbs()[0], r.percentile(0), 0);
        assertEquals(r.sortedAbs()[3999], r.percentile(1), 0);
        assertArrayEquals(r.sortedAbs(), RandomCosines.against(ref, 4000, 11).sortedAbs(), 0);
    }
}
