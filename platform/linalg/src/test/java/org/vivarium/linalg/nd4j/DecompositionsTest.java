package org.vivarium.linalg.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.linalg.Qr;
import org.vivarium.api.linalg.Svd;

class DecompositionsTest {
    private static final LinearAlgebra LA = Nd4jLinearAlgebra.shared();

    static double[][] random(long seed, int rows, int cols) {
        Random r = new Random(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void svdAgreesWithEjmlOnTallWideAndSquareMatrices() {
        int[][] shapes = {{40, 7}, {7, 40}, {12, 12}, {1, 5}};
        for (int[] shape : shapes) {
            double[][] a = random(shape[0] * 100L + shape[1], shape[0], shape[1]);
            Svd nd = LA.svd(a);
            org.vivarium.linalg.Svd ejml = org.vivarium.linalg.Svd.of(a);
            assertArrayEquals(ejml.s(), nd.s(), 1e-9, "singular values of " + shape[0] + " x " + shape[1]);
            assertReconstructs(a, nd, 1e-9);
            assertOrthonormalColumns(nd.u());
            assertOrthonormalColumns(nd.v());
        }
    }

    @Test
    void topKKeepsTheLargestTriplets() {
        double[][] a = random(3, 30, 10);
        Svd all = LA.svd(a);
        Svd top = LA.svd(a, 3);
        assertEquals(3, top.rank());
        assertEquals(30, top.u().length);
        assertEquals(10, top.v().length);
        for (int c = 0; c < 3; c++) {
            assertEquals(all.s()[c], top.s()[c], 1e-12);
            assertEquals(1, Math.abs(dot(all.left(c), top.left(c))), 1e-9);
        }
        assertThrows(VivariumException.class, () -> LA.svd(a, 11));
        assertThrows(VivariumException.class, () -> LA.svd(a, 0));
    }

    @Test
    void qrIsThinOrthonormalAndUpperTriangular() {
        for (int[] shape : new int[][] {{9, 4}, {4, 9}}) {
            double[][] a = random(shape[0], shape[0], shape[1]);
            Qr qr = LA.qr(a);
            int k = Math.min(shape[0], shape[1]);
            assertEquals(shape[0], qr.q().length);
            assertEquals(k, qr.q()[0].length);
            assertEquals(k, qr.r().length);
            assertOrthonormalColumns(qr.q());
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < i; j++) {
                    assertEquals(0, qr.r()[i][j], 1e-12, "R below the diagonal");
                }
            }
            double[][] back = LA.multiply(qr.q(), qr.r());
            for (int i = 0; i < shape[0]; i++) {
                assertArrayEquals(a[i], back[i], 1e-10);
            }
        }
    }

    @Test
    void gemmWithTranspositionsMatchesTheDefinition() {
        double[][] a = random(5, 6, 4);
        double[][] b = random(6, 6, 3);
        float[] af = new float[24];
        float[] bf = new float[18];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                af[i * 4 + j] = (float) a[i][j];
            }
            for (int j = 0; j < 3; j++) {
                bf[i * 3 + j] = (float) b[i][j];
            }
        }
        FloatMatrix c = LA.gemm(new FloatMatrix(6, 4, af), true, new FloatMatrix(6, 3, bf), false); // A^T B
        assertEquals(4, c.rows());
        assertEquals(3, c.cols());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int t = 0; t < 6; t++) {
                    s += af[t * 4 + i] * bf[t * 3 + j];
                }
                assertEquals(s, c.get(i, j), 1e-4);
            }
        }
        VivariumException e = assertThrows(VivariumException.class,
                () -> LA.gemm(new FloatMatrix(6, 4, af), false, new FloatMatrix(6, 3, bf), false));
        assertEquals("cannot multiply a 6 x 4 matrix by a 6 x 3 one", e.problem());
    }

    @Test
    void raggedOrNonFiniteInputIsAClearError() {
        VivariumException ragged = assertThrows(VivariumException.class, () -> LA.svd(new double[][] {{1, 2}, {3}}));
        assertEquals("the matrix to decompose row 1 has 1 values, row 0 has 2", ragged.problem());
        assertThrows(VivariumException.class, () -> LA.qr(new double[][] {{1, Double.NaN}}));
        assertThrows(VivariumException.class, () -> LA.svd(new double[0][]));
    }

    private static void assertReconstructs(double[][] a, Svd svd, double tol) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                double r = 0;
                for (int k = 0; k < svd.rank(); k++) {
                    r += svd.u()[i][k] * svd.s()[k] * svd.v()[j][k];
                }
                assertEquals(a[i][j], r, tol);
            }
        }
    }

    static void assertOrthonormalColumns(double[][] m) {
        int k = m[0].length;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (double[] row : m) {
                    s += row[a] * row[b];
                }
                assertEquals(a == b ? 1 : 0, s, 1e-9);
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
