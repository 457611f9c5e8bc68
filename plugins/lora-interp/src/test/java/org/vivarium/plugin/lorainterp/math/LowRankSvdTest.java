package org.vivarium.plugin.lorainterp.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.testkit.TestLinearAlgebra;

/** The SVD of {@code scale * A B} from r x r factorisations matches the full matrix it never forms. */
class LowRankSvdTest {
    private static final LinearAlgebra LA = TestLinearAlgebra.shared();

    private static double[][] random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble() * 2 - 1;
            }
        }
        return m;
    }

    private static double[][] product(double scale, double[][] a, double[][] b) {
        double[][] m = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int t = 0; t < b.length; t++) {
                    m[i][j] += scale * a[i][t] * b[t][j];
                }
            }
        }
        return m;
    }

    @Test
    void rankThreeUpdateIsReconstructedWithOrthonormalVectors() {
        double scale = 0.7;
        double[][] a = random(20, 3, 1);
        double[][] b = random(3, 15, 2);
        double[][] dw = product(scale, a, b);
        Spectrum s = LowRankSvd.of(LA, scale, a, b);
        assertEquals(3, s.sigma().length);
        double[][] rebuilt = new double[20][15];
        for (int k = 0; k < 3; k++) {
            assertTrue(k == 0 || s.sigma()[k - 1] >= s.sigma()[k], "descending");
            assertEquals(1, Vectors.norm(s.left()[k]), 1e-12);
            assertEquals(1, Vectors.norm(s.right()[k]), 1e-12);
            for (int j = 0; j < k; j++) {
                assertEquals(0, Vectors.dot(s.left()[k], s.left()[j]), 1e-12);
                assertEquals(0, Vectors.dot(s.right()[k], s.right()[j]), 1e-12);
            }
            for (int i = 0; i < 20; i++) {
                for (int j = 0; j < 15; j++) {
                    rebuilt[i][j] += s.sigma()[k] * s.left()[k][i] * s.right()[k][j];
                }
            }
        }
        double frob = 0;
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 15; j++) {
                assertEquals(dw[i][j], rebuilt[i][j], 1e-12);
                frob += dw[i][j] * dw[i][j];
            }
        }
        assertEquals(Math.sqrt(frob), s.frobeniusNorm(), 1e-12);
        // every singular pair satisfies dW v = sigma u
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 20; i++) {
                assertEquals(s.sigma()[k] * s.left()[k][i], Vectors.dot(dw[i], s.right()[k]), 1e-12);
            }
        }
    }

    @Test
    void rankOneUpdateHasOneValueScaleTimesTheNormsAndTheFactorsAsVectors() {
        double[][] a = random(12, 1, 3);
        double[][] b = random(1, 9, 4);
        Spectrum s = LowRankSvd.of(LA, 2.5, a, b);
        double[] col = new double[12];
        for (int i = 0; i < 12; i++) {
            col[i] = a[i][0];
        }
        assertEquals(2.5 * Vectors.norm(col) * Vectors.norm(b[0]), s.sigma()[0], 1e-12);
        assertEquals(1, Math.abs(Vectors.cosine(s.left()[0], col)), 1e-12);
        assertEquals(1, Math.abs(Vectors.cosine(s.right()[0], b[0])), 1e-12);
        assertEquals(Math.signum(Vectors.dot(s.left()[0], col)), Math.signum(Vectors.dot(s.right()[0], b[0])),
                "u and v flip together so that sigma stays positive");
        assertEquals(1, s.topEnergyFraction(), 1e-12);
        assertEquals(1, s.effectiveRank(), 1e-12);
    }

    @Test
    void rankDeficientFactorsGiveZeroTrailingValues() {
        double[][] a = random(10, 2, 5);
        for (double[] row : a) {
            row[1] = 3 * row[0]; // A has rank 1
        }
        Spectrum s = LowRankSvd.of(LA, 1, a, random(2, 8, 6));
        assertEquals(2, s.sigma().length);
        assertTrue(s.sigma()[0] > 0.1);
        assertEquals(0, s.sigma()[1], 1e-12);
        assertEquals(1, s.topEnergyFraction(), 1e-12);
    }

    @Test
    void aZeroUpdateHasNoEnergyFraction() {
        Spectrum s = LowRankSvd.of(LA, 1, random(6, 1, 7), new double[1][5]);
        assertEquals(0, s.sigma()[0]);
        assertTrue(Double.isNaN(s.topEnergyFraction()));
        assertTrue(Double.isNaN(s.effectiveRank()));
    }

    @Test
    void equalSingularValuesGiveEffectiveRankR() {
        // A = I (first 3 rows), B = I (first 3 columns): three equal singular values
        double[][] a = new double[5][3];
        double[][] b = new double[3][4];
        for (int k = 0; k < 3; k++) {
            a[k][k] = 1;
            b[k][k] = 1;
        }
        Spectrum s = LowRankSvd.of(LA, 2, a, b);
        for (double v : s.sigma()) {
            assertEquals(2, v, 1e-12);
        }
        assertEquals(3, s.effectiveRank(), 1e-9);
        assertEquals(1 / 3.0, s.topEnergyFraction(), 1e-12);
    }
}
