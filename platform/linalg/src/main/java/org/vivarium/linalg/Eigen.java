package org.vivarium.linalg;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.vivarium.api.VivariumException;

/** Eigenvalues of general (non-symmetric) square matrices. */
public final class Eigen {
    private Eigen() {
    }

    /**
     * Computes the eigenvalues of a square matrix.
     *
     * @param a {@code [n][n]} row-major matrix
     * @return {@code [2][n]}: real parts, then imaginary parts
     * @throws VivariumException if the matrix is not square or the decomposition fails
     */
    public static double[][] eigenvalues(double[][] a) {
        int n = a.length;
        for (double[] row : a) {
            if (row.length != n) {
                throw new VivariumException("eigenvalues need a square matrix, got " + n + " x " + row.length,
                        "pass an n x n matrix");
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(m)) {
            throw new VivariumException("eigen-decomposition did not converge for a " + n + " x " + n + " matrix",
                    "check the matrix for NaN or infinite values");
        }
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            Complex_F64 c = eig.getEigenvalue(i);
            out[0][i] = c.real;
            out[1][i] = c.imaginary;
        }
        return out;
    }

    /**
     * The "copying score" of a circuit matrix (Elhage et al. 2021): the sum of eigenvalues divided by
     * the sum of their magnitudes. Close to +1 when the circuit copies its input, -1 when it suppresses it.
     *
     * @param a square matrix
     * @return a score in [-1, 1]
     */
    public static double positivity(double[][] a) {
        double[][] ev = eigenvalues(a);
        double sum = 0;
        double abs = 0;
        for (int i = 0; i < a.length; i++) {
            sum += ev[0][i];
            abs += Math.hypot(ev[0][i], ev[1][i]);
        }
        return abs == 0 ? 0 : sum / abs;
    }
}
