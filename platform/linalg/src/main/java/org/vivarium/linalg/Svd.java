package org.vivarium.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.vivarium.api.VivariumException;

/**
 * Thin singular value decomposition {@code A = U diag(s) V^T} with singular values in descending order.
 *
 * @param u {@code [m][k]} left singular vectors as columns
 * @param s {@code [k]} singular values, descending
 * @param v {@code [n][k]} right singular vectors as columns
 */
public record Svd(double[][] u, double[] s, double[][] v) {

    /**
     * Decomposes a matrix.
     *
     * @param a {@code [m][n]} row-major
     * @return the decomposition
     */
    public static Svd of(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(new DMatrixRMaj(a))) {
            throw new VivariumException("SVD did not converge for a " + m + " x " + n + " matrix",
                    "check the matrix for NaN or infinite values");
        }
        int k = Math.min(m, n);
        double[] sv = svd.getSingularValues();
        DMatrixRMaj uu = svd.getU(null, false);
        DMatrixRMaj vv = svd.getV(null, false);
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(sv[y], sv[x]));
        double[][] u = new double[m][k];
        double[][] v = new double[n][k];
        double[] s = new double[k];
        for (int c = 0; c < k; c++) {
            int src = order[c];
            s[c] = sv[src];
            for (int r = 0; r < m; r++) {
                u[r][c] = uu.get(r, src);
            }
            for (int r = 0; r < n; r++) {
                v[r][c] = vv.get(r, src);
            }
        }
        return new Svd(u, s, v);
    }
}
