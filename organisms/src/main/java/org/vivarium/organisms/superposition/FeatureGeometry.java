package org.vivarium.organisms.superposition;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's measurements of one trained toy model, with W_i the column of W for feature i:
 * <ul>
 *   <li>{@code norms[i] = ||W_i||}; a feature is represented when its norm exceeds {@link #REPRESENTED_NORM}</li>
 *   <li>{@code superposition[i] = sum_{j != i} (W_i_hat . W_j)^2}, how much other features share i's
 *       direction</li>
 *   <li>{@code dimensionality[i] = ||W_i||^2 / sum_j (W_i_hat . W_j)^2} (0 for a feature with no direction)</li>
 *   <li>{@code dimsPerFeature = m / ||W||_F^2}</li>
 *   <li>{@code gram = W^T W}, {@code [n][n]}</li>
 * </ul>
 *
 * @param norms ||W_i||
 * @param superposition sum over j != i of (W_i_hat . W_j)^2
 * @param dimensionality D_i
 * @param dimsPerFeature m / ||W||_F^2
 * @param gram W^T W
 */
public record FeatureGeometry(double[] norms, double[] superposition, double[] dimensionality,
        double dimsPerFeature, double[][] gram) {
    /** ||W_i|| above which a feature counts as represented. */
    public static final double REPRESENTED_NORM = 0.5;

    /**
     * Measures W.
     *
     * @param w {@code [m][n]}
     * @return the geometry
     */
    public static FeatureGeometry of(double[][] w) {
        int m = w.length;
        int n = w[0].length;
        double[][] gram = new double[n][n];
        double frob = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += w[k][i] * w[k][j];
                }
                gram[i][j] = s;
            }
            frob += gram[i][i];
        }
        double[] norms = new double[n];
        double[] sup = new double[n];
        double[] dim = new double[n];
        for (int i = 0; i < n; i++) {
            double sq = gram[i][i];
            norms[i] = Math.sqrt(sq);
            if (sq < 1e-12) {
                continue;
            }
            double others = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others += gram[i][j] * gram[i][j] / sq; // (W_i_hat . W_j)^2
                }
            }
            sup[i] = others;
            dim[i] = sq / (sq + others); // the j = i term of the sum is ||W_i||^2
        }
        return new FeatureGeometry(norms, sup, dim, frob > 0 ? m / frob : Double.POSITIVE_INFINITY, gram);
    }

    /** @return the indices of represented features, ascending */
    public List<Integer> represented() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < norms.length; i++) {
            if (norms[i] > REPRESENTED_NORM) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The largest superposition among the given features: 0 when they are mutually orthogonal to every
     * other feature.
     *
     * @param features feature indices
     * @return max over them of {@code superposition[i]}
     */
    public double maxSuperposition(List<Integer> features) {
        double mx = 0;
        for (int i : features) {
            mx = Math.max(mx, superposition[i]);
        }
        return mx;
    }
}
