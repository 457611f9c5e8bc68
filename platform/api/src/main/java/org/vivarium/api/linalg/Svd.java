package org.vivarium.api.linalg;

/**
 * A (possibly truncated) singular value decomposition {@code A ~ U diag(s) V^T}. Each pair of singular vectors is
 * defined up to a joint sign flip.
 *
 * @param u {@code [rows][k]}: left singular vectors as columns
 * @param s {@code [k]}: singular values, descending
 * @param v {@code [cols][k]}: right singular vectors as columns
 */
public record Svd(double[][] u, double[] s, double[][] v) {

    /** @return the number of singular triplets */
    public int rank() {
        return s.length;
    }

    /**
     * Returns one left singular vector.
     *
     * @param c the triplet index, 0 for the largest
     * @return column {@code c} of {@code U}
     */
    public double[] left(int c) {
        return column(u, c);
    }

    /**
     * Returns one right singular vector.
     *
     * @param c the triplet index, 0 for the largest
     * @return column {@code c} of {@code V}
     */
    public double[] right(int c) {
        return column(v, c);
    }

    private static double[] column(double[][] m, int c) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][c];
        }
        return out;
    }
}
