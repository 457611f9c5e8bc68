package org.vivarium.plugin.lorainterp.math;

/**
 * The thin QR factorisation {@code M = Q R} of an {@code m x n} matrix by Householder reflections:
 * {@code Q} is {@code m x k} with orthonormal columns and {@code R} is {@code k x n} upper-trapezoidal,
 * {@code k = min(m, n)}. Rank-deficient input is fine: {@code Q} stays orthonormal and {@code R} gets zero rows.
 *
 * @param q {@code [m][k]}
 * @param r {@code [k][n]}
 */
public record HouseholderQr(double[][] q, double[][] r) {

    /**
     * Factorises a matrix.
     *
     * @param m the matrix, {@code [rows][cols]} (not modified)
     * @return its thin QR factors
     */
    public static HouseholderQr of(double[][] m) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        int k = Math.min(rows, cols);
        double[][] w = new double[rows][];
        for (int i = 0; i < rows; i++) {
            w[i] = m[i].clone();
        }
        double[][] vs = new double[k][];
        for (int j = 0; j < k; j++) {
            double[] v = reflector(w, j);
            vs[j] = v;
            if (v != null) {
                applyLeft(w, v, j);
            }
        }
        double[][] r = new double[k][cols];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < cols; j++) {
                r[i][j] = w[i][j];
            }
        }
        // Q = H_0 H_1 ... H_{k-1} applied to the first k columns of the identity
        double[][] q = new double[rows][k];
        for (int i = 0; i < k; i++) {
            q[i][i] = 1;
        }
        for (int j = k - 1; j >= 0; j--) {
            if (vs[j] != null) {
                applyLeft(q, vs[j], j);
            }
        }
        return new HouseholderQr(q, r);
    }

    /** The unit Householder vector zeroing column j below row j, or null if it is already zero. */
    private static double[] reflector(double[][] w, int j) {
        int rows = w.length;
        double norm = 0;
        for (int i = j; i < rows; i++) {
            norm += w[i][j] * w[i][j];
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return null;
        }
        double alpha = w[j][j] > 0 ? -norm : norm;
        double[] v = new double[rows];
        for (int i = j; i < rows; i++) {
            v[i] = w[i][j];
        }
        v[j] -= alpha;
        double vn = 0;
        for (int i = j; i < rows; i++) {
            vn += v[i] * v[i];
        }
        vn = Math.sqrt(vn);
        if (vn == 0) {
            return null;
        }
        for (int i = j; i < rows; i++) {
            v[i] /= vn;
        }
        return v;
    }

    /** {@code M <- (I - 2 v v^T) M}, touching rows from {@code from} on. */
    private static void applyLeft(double[][] m, double[] v, int from) {
        int cols = m[0].length;
        for (int c = 0; c < cols; c++) {
            double s = 0;
            for (int i = from; i < m.length; i++) {
                s += v[i] * m[i][c];
            }
            if (s != 0) {
                for (int i = from; i < m.length; i++) {
                    m[i][c] -= 2 * s * v[i];
                }
            }
        }
    }
}
