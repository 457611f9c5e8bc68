package org.vivarium.plugin.probes.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    @Test
    void findsTheMinimumOfAnIllConditionedQuadratic() {
        double[] scale = {1, 10, 100, 1000};
        double[] target = {1, -2, 3, -4};
        Lbfgs.Objective f = (x, g) -> {
            double v = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - target[i];
                v += 0.5 * scale[i] * d * d;
                g[i] = scale[i] * d;
            }
            return v;
        };
        double[] x = new Lbfgs(5, 200, 1e-9).minimize(f, new double[4]);
        for (int i = 0; i < x.length; i++) {
            assertEquals(target[i], x[i], 1e-6);
        }
    }

    @Test
    void minimisesTheRosenbrockFunction() {
        Lbfgs.Objective f = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        double[] x = new Lbfgs(10, 1000, 1e-8).minimize(f, new double[] {-1.2, 1});
        assertEquals(1, x[0], 1e-4);
        assertEquals(1, x[1], 1e-4);
    }
}
