package org.vivarium.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalTest {
    @Test
    void cdfMatchesTabulatedValues() {
        assertEquals(0.5, Normal.cdf(0), 1e-7);
        assertEquals(0.975002, Normal.cdf(1.96), 1e-6);
        assertEquals(0.158655, Normal.cdf(-1), 1e-6);
        assertEquals(0.999968, Normal.cdf(4), 1e-6);
    }

    @Test
    void confidenceIsAtLeastAHalfExactlyWhenTheMarginReachesTheThreshold() {
        assertEquals(0.5, Normal.confidence(0.15, 0.15, 0.01), 1e-7);
        assertEquals(Normal.cdf(2), Normal.confidence(0.35, 0.15, 0.01), 1e-12);
        assertEquals(Normal.cdf(-1), Normal.confidence(0.05, 0.15, 0.01), 1e-12);
        assertEquals(0, Normal.confidence(Double.NaN, 0, 0.01));
        assertEquals(0, Normal.confidence(0.3, 0, 0));
    }

    @Test
    void theFarTailIsAccurateEnoughToRankLargeZs() {
        // 1 - cdf(z) = erfc(z / sqrt 2) / 2 by CPython 3 math.erfc
        assertEquals(2.866516e-7, 1 - Normal.cdf(5), 1e-12);
        assertEquals(1.813816e-5, 1 - Normal.cdf(4.13), 1e-10);
        assertTrue(Normal.confidence(5.22) > Normal.confidence(4.13));
        assertEquals(Normal.cdf(1.645), Normal.confidence(1.645), 0);
        assertEquals(0, Normal.confidence(Double.NaN));
        assertEquals(0, Normal.confidence(Double.POSITIVE_INFINITY));
    }
}
