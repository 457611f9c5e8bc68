package org.vivarium.plugin.lorainterp.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Jacobi SVD of small matrices, wide and tall, against known values and reconstruction. */
class JacobiSvdTest {

    @Test
    void knownTwoByTwo() {
        // [[3, 0], [4, 5]] has singular values sqrt(45) and sqrt(5)
        JacobiSvd s = JacobiSvd.of(new double[][] {{3, 0}, {4, 5}});
        assertEquals(Math.sqrt(45), s.sigma()[0], 1e-12);
        assertEquals(Math.sqrt(5), s.sigma()[1], 1e-12);
    }

    @Test
    void wideMatrixIsReconstructed() {
        double[][] g = {{1, 2, 3, 4}, {-2, 0.5, 1, 0}};
        JacobiSvd s = JacobiSvd.of(g);
        assertEquals(2, s.sigma().length);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                double v = 0;
                for (int k = 0; k < 2; k++) {
                    v += s.u()[i][k] * s.sigma()[k] * s.v()[j][k];
                }
                assertEquals(g[i][j], v, 1e-12);
            }
        }
    }
}
