package org.vivarium.checkpoint.adapter;

import java.util.Arrays;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;

/**
 * Maps between a stored weight tensor and the {@code [in, out]} matrix the forward pass multiplies by (see
 * {@link LoraTargets} for the layouts), so deltas computed as matrices can be added to stored weights.
 *
 * <pre>{@code
 * double[][] m = MatrixView.toMatrix("blocks.0.attn.W_Q", wq);          // [d_model][n_heads*d_head]
 * Tensor merged = MatrixView.plus("blocks.0.attn.W_Q", wq, delta);      // same shape as wq
 * }</pre>
 */
public final class MatrixView {
    private MatrixView() {
    }

    /**
     * Returns the weight as an {@code [in][out]} matrix.
     *
     * @param name the weight name (its last segment decides the layout)
     * @param w the stored weight
     * @return a new matrix
     */
    public static double[][] toMatrix(String name, Tensor w) {
        int[] io = matrixShape(name, w);
        double[][] m = new double[io[0]][io[1]];
        float[] data = w.data();
        for (int i = 0; i < io[0]; i++) {
            for (int j = 0; j < io[1]; j++) {
                m[i][j] = data[flatIndex(name, w.shape(), i, j)];
            }
        }
        return m;
    }

    /**
     * Adds an {@code [in][out]} delta to a stored weight.
     *
     * @param name the weight name
     * @param w the stored weight (not modified)
     * @param delta the change, in the matrix view
     * @return a new tensor of {@code w}'s shape holding {@code w + delta} (summed in double, rounded once)
     * @throws VivariumException if the delta does not have the weight's matrix shape
     */
    public static Tensor plus(String name, Tensor w, double[][] delta) {
        int[] io = matrixShape(name, w);
        if (delta.length != io[0] || (delta.length > 0 && delta[0].length != io[1])) {
            throw new VivariumException("delta for " + name + " is " + delta.length + "x"
                    + (delta.length == 0 ? 0 : delta[0].length) + " but the weight acts as " + io[0] + "x" + io[1],
                    "use an adapter made for this model");
        }
        float[] src = w.data();
        float[] out = Arrays.copyOf(src, src.length);
        int[] shape = w.shape();
        for (int i = 0; i < io[0]; i++) {
            for (int j = 0; j < io[1]; j++) {
                int k = flatIndex(name, shape, i, j);
                out[k] = (float) (src[k] + delta[i][j]);
            }
        }
        return Tensor.of(out, shape);
    }

    /**
     * Returns the {@code [in, out]} shape a stored weight acts as.
     *
     * @param name the weight name
     * @param w the stored weight
     * @return {@code [in, out]}
     * @throws VivariumException if the weight's rank does not fit its name
     */
    public static int[] matrixShape(String name, Tensor w) {
        int[] s = w.shape();
        if (isHeadsIn(name) || isHeadsOut(name)) {
            requireRank(name, s, 3);
            return isHeadsIn(name) ? new int[] {s[1], s[0] * s[2]} : new int[] {s[0] * s[1], s[2]};
        }
        requireRank(name, s, 2);
        return new int[] {s[0], s[1]};
    }

    private static int flatIndex(String name, int[] s, int i, int j) {
        if (isHeadsIn(name)) { // W[h][d][e] = M[d][h*E+e]
            int h = j / s[2];
            int e = j % s[2];
            return (h * s[1] + i) * s[2] + e;
        }
        return i * (isHeadsOut(name) ? s[2] : s[1]) + j; // row-major reshape
    }

    private static boolean isHeadsIn(String name) {
        return name.endsWith(".W_Q") || name.endsWith(".W_K") || name.endsWith(".W_V");
    }

    private static boolean isHeadsOut(String name) {
        return name.endsWith(".W_O");
    }

    private static void requireRank(String name, int[] s, int rank) {
        if (s.length != rank) {
            throw new VivariumException("weight " + name + " has shape " + Arrays.toString(s) + ", expected rank "
                    + rank, "check that the weights use TransformerLens layouts");
        }
    }
}
