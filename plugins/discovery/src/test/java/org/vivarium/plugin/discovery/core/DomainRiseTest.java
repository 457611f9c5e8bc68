package org.vivarium.plugin.discovery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test-half confirmation of {@link DomainRise}: a domain that stands out from the others' mean passes even when
 * one other domain ties it, and one that sits at the others' level fails however large its own rise is.
 */
class DomainRiseTest {
    private static Map<String, Double> rises(double... v) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            m.put("d" + i, v[i]);
        }
        return m;
    }

    private static Map<String, Double> variances(Map<String, Double> rises, int n) {
        Map<String, Double> m = new LinkedHashMap<>();
        rises.forEach((d, r) -> m.put(d, DomainRise.rateVariance(Math.min(1, 0.2 + r), n)
                + DomainRise.rateVariance(0.2, n)));
        return m;
    }

    @Test
    void aDomainStandingOutFromTheOthersPassesEvenWhenTied() {
        Map<String, Double> r = rises(0.70, 0.70, 0.20, 0.15, 0.25, 0.10, 0.20, 0.30);
        double z = DomainRise.z(r, variances(r, 32), "d0");
        assertTrue(z >= DomainRise.Z, "z " + z);
    }

    @Test
    void aDomainAtTheOthersLevelFails() {
        Map<String, Double> r = rises(0.60, 0.55, 0.65, 0.50, 0.62, 0.58, 0.57, 0.60);
        double z = DomainRise.z(r, variances(r, 32), "d0");
        assertTrue(z < 1, "z " + z);
        assertTrue(DomainRise.z(r, variances(r, 32), "d2") < DomainRise.Z, "the largest alone is not enough");
    }

    @Test
    void theStandardErrorComesFromTheDraws() {
        Map<String, Double> r = rises(0.40, 0.20, 0.20, 0.20);
        double few = DomainRise.z(r, variances(r, 8), "d0");
        double many = DomainRise.z(r, variances(r, 128), "d0");
        assertTrue(many > 3 * few, few + " vs " + many);
        assertEquals(Double.NaN, DomainRise.z(rises(0.5), variances(rises(0.5), 8), "d0"));
    }
}
