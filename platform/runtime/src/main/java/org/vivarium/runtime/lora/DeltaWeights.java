package org.vivarium.runtime.lora;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.adapter.Adapter;

/**
 * The weight changes of a LoRA adapter as plain matrices, for interpretation (SVD, comparing directions):
 * for each target, {@code delta W = (alpha / r) A B = scale * sum_k a_k b_k^T}, where {@code a_k} (column
 * {@code k} of {@code A}, in the input space) is read from the layer input and {@code b_k} (row {@code k} of
 * {@code B}, in the output space) is written to the layer output.
 *
 * <pre>{@code
 * DeltaWeights dw = DeltaWeights.of(AdapterIO.read(dir));
 * double[][] m = dw.matrix("blocks.0.mlp.W_out");             // [d_mlp][d_model], e.g. for Svd.of(m)
 * double[] out = dw.outputDirections("blocks.0.mlp.W_out")[0]; // a residual-stream direction (rank 1)
 * double[] in = dw.inputDirections("blocks.0.mlp.W_out")[0];   // a neuron-space direction
 * }</pre>
 */
public final class DeltaWeights {
    private final Adapter adapter;

    private DeltaWeights(Adapter adapter) {
        this.adapter = adapter;
    }

    /**
     * Wraps a saved adapter.
     *
     * @param adapter the adapter
     * @return its deltas
     */
    public static DeltaWeights of(Adapter adapter) {
        return new DeltaWeights(adapter);
    }

    /**
     * Copies the current values of live adapters.
     *
     * @param adapters the adapters
     * @return their deltas (a snapshot)
     */
    public static DeltaWeights of(LoraAdapters adapters) {
        return new DeltaWeights(adapters.toAdapter(""));
    }

    /** @return the adapted weight names */
    public List<String> targets() {
        return adapter.config().targets();
    }

    /** @return the rank r */
    public int rank() {
        return adapter.config().rank();
    }

    /** @return {@code alpha / r} */
    public double scale() {
        return (double) adapter.config().alpha() / adapter.config().rank();
    }

    /**
     * Returns one target's weight change.
     *
     * @param target an adapted weight name
     * @return {@code scale * A B} as {@code [in][out]}
     */
    public double[][] matrix(String target) {
        return adapter.delta(target);
    }

    /**
     * Returns one target's weight change as a tensor.
     *
     * @param target an adapted weight name
     * @return {@code [in, out]} float tensor
     */
    public Tensor tensor(String target) {
        double[][] m = matrix(target);
        int in = m.length;
        int out = m[0].length;
        float[] d = new float[in * out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                d[i * out + j] = (float) m[i][j];
            }
        }
        return Tensor.of(d, in, out);
    }

    /**
     * Returns every target's weight change.
     *
     * @return target to {@code [in][out]} matrix, in target order
     */
    public Map<String, double[][]> all() {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (String t : targets()) {
            out.put(t, matrix(t));
        }
        return out;
    }

    /**
     * Returns the input directions: the columns of {@code A} (unscaled).
     *
     * @param target an adapted weight name
     * @return {@code [r][in]}
     */
    public double[][] inputDirections(String target) {
        Tensor a = adapter.a(target);
        int in = a.size(0);
        int r = a.size(1);
        double[][] out = new double[r][in];
        for (int i = 0; i < in; i++) {
            for (int k = 0; k < r; k++) {
                out[k][i] = a.data()[i * r + k];
            }
        }
        return out;
    }

    /**
     * Returns the output directions: the rows of {@code B} (unscaled).
     *
     * @param target an adapted weight name
     * @return {@code [r][out]}
     */
    public double[][] outputDirections(String target) {
        Tensor b = adapter.b(target);
        int r = b.size(0);
        int out = b.size(1);
        double[][] res = new double[r][out];
        for (int k = 0; k < r; k++) {
            for (int j = 0; j < out; j++) {
                res[k][j] = b.data()[k * out + j];
            }
        }
        return res;
    }
}
