package org.vivarium.plugin.probes.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StandardizerTest {

    @Test
    void rawProbeScoresEqualTheStandardizedLinearFunction() {
        float[][] x = {{1, 10, 5}, {3, 20, 5}, {5, 60, 5}, {7, 30, 5}};
        Standardizer std = Standardizer.fit(x);
        double[] w = {0.7, -1.3, 2.0}; // the weight on the constant column must not matter
        double b = 0.25;
        LinearProbe raw = std.toRaw(ProbeKind.LOGISTIC, w, b);
        double[][] z = std.apply(x);
        for (int i = 0; i < x.length; i++) {
            double expected = b;
            for (int j = 0; j < w.length; j++) {
                expected += w[j] * z[i][j];
            }
            assertEquals(expected, raw.score(x[i]), 1e-4);
        }
        assertEquals(0, z[2][2], 0.0);
    }
}
