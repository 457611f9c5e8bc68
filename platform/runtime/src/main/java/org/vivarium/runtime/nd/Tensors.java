package org.vivarium.runtime.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;

/** Conversions between API {@link Tensor}s / Java arrays and NDArrays. */
public final class Tensors {
    private Tensors() {
    }

    /**
     * Creates a 0-d float32 constant in engine-owned memory, attached to {@code m}.
     *
     * <p>Use this instead of DJL's {@code NDArray.mul(Number)} / {@code div(Number)} on anything that takes part in a
     * backward pass. Those methods wrap the number in an array backed by a Java direct buffer and close it as soon as
     * the op returns, while autograd keeps the scalar for the backward pass ({@code d(x*c)/dx = c}); after a garbage
     * collection the backward reads freed memory, which silently corrupts gradients (or makes them NaN) at random
     * steps. A scalar from {@code m.full} is owned by the engine and lives as long as the graph that saved it.
     *
     * @param m the manager that owns the scalar (one that outlives the backward pass)
     * @param value the value
     * @return the scalar
     */
    public static NDArray scalar(NDManager m, float value) {
        return m.full(new Shape(), value, DataType.FLOAT32);
    }

    /**
     * Copies an NDArray into a Tensor (converting to float32 if needed).
     *
     * @param a the array
     * @return the tensor
     */
    public static Tensor toTensor(NDArray a) {
        NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
        long[] s = f.getShape().getShape();
        int[] shape = Arrays.stream(s).mapToInt(x -> (int) x).toArray();
        return Tensor.of(f.toFloatArray(), shape);
    }

    /**
     * Creates an NDArray from a Tensor.
     *
     * @param m owning manager
     * @param t the tensor
     * @return a float32 array
     */
    public static NDArray toNd(NDManager m, Tensor t) {
        return m.create(t.data(), new Shape(Arrays.stream(t.shape()).asLongStream().toArray()));
    }

    /**
     * Creates an int64 token array from {@code [batch][pos]} ids, validating they are rectangular
     * and inside the vocabulary.
     *
     * @param m owning manager
     * @param tokens ids
     * @param vocab vocabulary size
     * @param nCtx maximum sequence length
     * @return a {@code [batch, pos]} int64 array
     */
    public static NDArray tokens(NDManager m, int[][] tokens, int vocab, int nCtx) {
        if (tokens == null || tokens.length == 0 || tokens[0].length == 0) {
            throw new VivariumException("no tokens to run", "pass at least one non-empty sequence");
        }
        int t = tokens[0].length;
        if (t > nCtx) {
            throw new VivariumException("sequence of " + t + " tokens is longer than the model's n_ctx=" + nCtx,
                    "shorten the prompt to at most " + nCtx + " tokens");
        }
        long[] flat = new long[tokens.length * t];
        for (int b = 0; b < tokens.length; b++) {
            if (tokens[b].length != t) {
                throw new VivariumException("ragged batch: sequence " + b + " has " + tokens[b].length
                        + " tokens but sequence 0 has " + t, "pad or split the batch so all rows have equal length");
            }
            for (int i = 0; i < t; i++) {
                int id = tokens[b][i];
                if (id < 0 || id >= vocab) {
                    throw new VivariumException("token id " + id + " at [" + b + "][" + i
                            + "] is outside the vocabulary of " + vocab, "encode text with the model's own tokenizer");
                }
                flat[b * t + i] = id;
            }
        }
        return m.create(flat, new Shape(tokens.length, t));
    }
}
