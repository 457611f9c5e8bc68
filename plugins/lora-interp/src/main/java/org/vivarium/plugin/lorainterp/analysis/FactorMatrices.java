package org.vivarium.plugin.lorainterp.analysis;

import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.tensor.Tensor;

/**
 * A LoRA factor pair as {@code double} matrices: {@code A [in][r]} and {@code B [r][out]}.
 *
 * @param a the down-projection; column {@code k} is input direction {@code k}
 * @param b the up-projection; row {@code k} is output direction {@code k}
 */
public record FactorMatrices(double[][] a, double[][] b) {

    /**
     * Copies a factor's tensors.
     *
     * @param f the factor
     * @return its matrices
     */
    public static FactorMatrices of(LoraFactor f) {
        return new FactorMatrices(matrix(f.a()), matrix(f.b()));
    }

    private static double[][] matrix(Tensor t) {
        int rows = t.size(0);
        int cols = t.size(1);
        double[][] m = new double[rows][cols];
        float[] d = t.data();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = d[i * cols + j];
            }
        }
        return m;
    }

    /** @return the rank */
    public int rank() {
        return b.length;
    }

    /**
     * Returns input direction {@code k}.
     *
     * @param k 0 to rank - 1
     * @return column {@code k} of {@code A}
     */
    public double[] column(int k) {
        double[] v = new double[a.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = a[i][k];
        }
        return v;
    }

    /**
     * Returns output direction {@code k}.
     *
     * @param k 0 to rank - 1
     * @return row {@code k} of {@code B}
     */
    public double[] row(int k) {
        return b[k].clone();
    }
}
