package org.vivarium.plugin.lorainterp.math;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The singular value decomposition {@code G = U diag(sigma) V^T} of a small dense matrix by one-sided (Hestenes)
 * Jacobi rotations, which orthogonalise the columns of {@code G V} to machine precision. Meant for the
 * {@code r x r} cores of LoRA updates; the cost is {@code O(sweeps * q^2 * p)}.
 *
 * @param sigma singular values, descending, {@code min(p, q)} of them
 * @param u left singular vectors as columns, {@code [p][k]}; a column whose value is 0 is zero
 * @param v right singular vectors as columns, {@code [q][k]}
 */
public record JacobiSvd(double[] sigma, double[][] u, double[][] v) {
    private static final int MAX_SWEEPS = 80;
    private static final double EPS = 1e-15;

    /**
     * Decomposes a matrix.
     *
     * @param g {@code [p][q]}, not modified
     * @return its SVD
     */
    public static JacobiSvd of(double[][] g) {
        int p = g.length;
        int q = p == 0 ? 0 : g[0].length;
        if (p < q) {
            JacobiSvd t = tall(transpose(g));
            return new JacobiSvd(t.sigma, t.v, t.u);
        }
        return tall(g);
    }

    /** SVD of a matrix with at least as many rows as columns. */
    private static JacobiSvd tall(double[][] g) {
        int p = g.length;
        int q = p == 0 ? 0 : g[0].length;
        double[][] w = new double[p][];
        for (int i = 0; i < p; i++) {
            w[i] = g[i].clone();
        }
        double[][] v = new double[q][q];
        for (int i = 0; i < q; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int i = 0; i < q - 1; i++) {
                for (int j = i + 1; j < q; j++) {
                    rotated |= rotate(w, v, i, j);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] norms = new double[q];
        for (int j = 0; j < q; j++) {
            double s = 0;
            for (double[] row : w) {
                s += row[j] * row[j];
            }
            norms[j] = Math.sqrt(s);
        }
        Integer[] order = new Integer[q];
        for (int j = 0; j < q; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> norms[j]).reversed());
        double[] sigma = new double[q];
        double[][] u = new double[p][q];
        double[][] vs = new double[q][q];
        for (int k = 0; k < q; k++) {
            int j = order[k];
            sigma[k] = norms[j];
            for (int i = 0; i < p; i++) {
                u[i][k] = norms[j] == 0 ? 0 : w[i][j] / norms[j];
            }
            for (int i = 0; i < q; i++) {
                vs[i][k] = v[i][j];
            }
        }
        return new JacobiSvd(sigma, u, vs);
    }

    /** Rotates columns i and j of w (and v) to make them orthogonal; false if they already are. */
    private static boolean rotate(double[][] w, double[][] v, int i, int j) {
        double alpha = 0;
        double beta = 0;
        double gamma = 0;
        for (double[] row : w) {
            alpha += row[i] * row[i];
            beta += row[j] * row[j];
            gamma += row[i] * row[j];
        }
        if (gamma == 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) {
            return false;
        }
        double zeta = (beta - alpha) / (2 * gamma);
        double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        double c = 1 / Math.sqrt(1 + t * t);
        double s = c * t;
        for (double[] row : w) {
            double a = row[i];
            double b = row[j];
            row[i] = c * a - s * b;
            row[j] = s * a + c * b;
        }
        for (double[] row : v) {
            double a = row[i];
            double b = row[j];
            row[i] = c * a - s * b;
            row[j] = s * a + c * b;
        }
        return true;
    }

    private static double[][] transpose(double[][] g) {
        int p = g.length;
        int q = g[0].length;
        double[][] t = new double[q][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                t[j][i] = g[i][j];
            }
        }
        return t;
    }
}
