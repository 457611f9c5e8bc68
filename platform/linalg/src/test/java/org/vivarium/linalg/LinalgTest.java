package org.vivarium.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class LinalgTest {
    @Test
    void eigenvaluesOfATriangularMatrixAreItsDiagonal() {
        double[][] ev = Eigen.eigenvalues(new double[][] {{2, 1, 0}, {0, -3, 4}, {0, 0, 5}});
        double[] re = ev[0].clone();
        java.util.Arrays.sort(re);
        assertEquals(-3, re[0], 1e-9);
        assertEquals(2, re[1], 1e-9);
        assertEquals(5, re[2], 1e-9);
    }

    @Test
    void positivityIsOneForTheIdentityAndMinusOneForItsNegative() {
        double[][] id = {{1, 0}, {0, 1}};
        double[][] neg = {{-2, 0}, {0, -1}};
        assertEquals(1.0, Eigen.positivity(id), 1e-12);
        assertEquals(-1.0, Eigen.positivity(neg), 1e-12);
        // a rotation has purely imaginary eigenvalues: neither copies nor suppresses
        assertEquals(0.0, Eigen.positivity(new double[][] {{0, -1}, {1, 0}}), 1e-12);
    }

    @Test
    void svdReconstructsTheMatrixWithDescendingValues() {
        double[][] a = {{3, 1, 2}, {1, 0, -1}};
        Svd svd = Svd.of(a);
        assertEquals(2, svd.s().length);
        org.junit.jupiter.api.Assertions.assertTrue(svd.s()[0] >= svd.s()[1]);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double r = 0;
                for (int k = 0; k < 2; k++) {
                    r += svd.u()[i][k] * svd.s()[k] * svd.v()[j][k];
                }
                assertEquals(a[i][j], r, 1e-9);
            }
        }
    }

    @Test
    void nonSquareEigenIsAClearError() {
        assertThrows(VivariumException.class, () -> Eigen.eigenvalues(new double[][] {{1, 2}}));
    }
}
