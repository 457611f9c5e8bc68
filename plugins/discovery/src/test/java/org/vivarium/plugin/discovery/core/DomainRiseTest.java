package org.vivarium.plugin.discovery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test-half confirmation of {@link DomainRise}: a domain whose prompts stand out from the other domains' prompts
 * passes even when one other domain ties it, one at the others' level fails however large its own rise is, and the
 * prompts' spread is the noise.
 */
class DomainRiseTest {
    /** Domain {@code d<i>}: 8 prompts around {@code means[i]} with the given half-spread. */
    private static Map<String, double[]> perPrompt(double spread, double... means) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < means.length; i++) {
            double[] r = new double[8];
            for (int k = 0; k < r.length; k++) {
                r[k] = means[i] + (k % 2 == 0 ? spread : -spread) * (1 + k % 3) / 2;
            }
            m.put("d" + i, r);
        }
        return m;
    }

    @Test
    void aDomainStandingOutFromTheOthersPassesEvenWhenTied() {
        double z = DomainRise.z(perPrompt(0.1, 0.70, 0.70, 0.20, 0.15, 0.25, 0.10, 0.20, 0.30), "d0");
        assertTrue(z >= DomainRise.Z, "z " + z);
    }

    @Test
    void aDomainAtTheOthersLevelFails() {
        Map<String, double[]> r = perPrompt(0.3, 0.60, 0.55, 0.65, 0.50, 0.62, 0.58, 0.57, 0.60);
        assertTrue(DomainRise.z(r, "d0") < 1, "z " + DomainRise.z(r, "d0"));
        assertTrue(DomainRise.z(r, "d2") < DomainRise.Z, "the largest alone is not enough");
    }

    @Test
    void theStandardErrorComesFromThePromptsSpread() {
        double tight = DomainRise.z(perPrompt(0.05, 0.40, 0.20, 0.20, 0.20), "d0");
        double wide = DomainRise.z(perPrompt(0.4, 0.40, 0.20, 0.20, 0.20), "d0");
        assertTrue(tight > 3 * wide, tight + " vs " + wide);
        assertEquals(Double.NaN, DomainRise.z(perPrompt(0.1, 0.5), "d0"));
        assertEquals(0.3, DomainRise.rises(new double[][] {{0.5, 0.2}})[0], 1e-12);
    }
}
