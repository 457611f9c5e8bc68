package org.vivarium.api.tensor;

import java.util.Arrays;

/**
 * A dense, row-major {@code float} tensor: the only array type that crosses the plugin API.
 *
 * <p>Shapes follow TransformerLens conventions, e.g. a residual-stream activation is
 * {@code [batch, pos, d_model]} and an attention pattern {@code [batch, head, query_pos, key_pos]}.
 *
 * <pre>{@code
 * Tensor resid = acts.get("blocks.0.hook_resid_post"); // [batch, pos, d_model]
 * float x = resid.get(0, 3, 17);                         // batch 0, position 3, dim 17
 * float[] vec = resid.row(0, 3);                         // the whole d_model vector
 * }</pre>
 *
 * <p>The backing array is shared, not copied, for speed: treat {@link #data()} as read-only.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;
    private final int[] strides;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape.clone();
        this.strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
    }

    /**
     * Wraps {@code data} (not copied) as a tensor of the given shape.
     *
     * @param data row-major values
     * @param shape dimensions; their product must equal {@code data.length}
     * @return the tensor
     * @throws IllegalArgumentException if the shape does not match the data length or has a negative dim
     */
    public static Tensor of(float[] data, int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " values but data has " + data.length);
        }
        return new Tensor(data, shape);
    }

    /**
     * Creates a zero-filled tensor.
     *
     * @param shape dimensions
     * @return a new tensor of zeros
     */
    public static Tensor zeros(int... shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
        }
        return of(new float[(int) n], shape);
    }

    /**
     * Returns the backing array (row-major, shared, treat as read-only).
     *
     * @return the values
     */
    public float[] data() {
        return data;
    }

    /**
     * Returns a copy of the shape.
     *
     * @return the dimensions
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Returns one dimension.
     *
     * @param axis the axis, negative counts from the end
     * @return its size
     */
    public int size(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return shape.length;
    }

    /**
     * Returns the number of elements.
     *
     * @return the element count
     */
    public int numel() {
        return data.length;
    }

    /**
     * Reads one element.
     *
     * @param index one index per dimension
     * @return the value
     */
    public float get(int... index) {
        return data[offset(index)];
    }

    /**
     * Copies out the innermost vector at a leading index, e.g. {@code row(b, p)} of a
     * {@code [batch, pos, d_model]} tensor is that position's residual vector.
     *
     * @param leading indices for all but the last dimension
     * @return a new array of length {@code size(-1)}
     */
    public float[] row(int... leading) {
        if (leading.length != shape.length - 1) {
            throw new IllegalArgumentException("row() needs " + (shape.length - 1) + " indices for shape "
                    + Arrays.toString(shape) + ", got " + leading.length);
        }
        int[] full = Arrays.copyOf(leading, shape.length);
        int off = offset(full);
        return Arrays.copyOfRange(data, off, off + shape[shape.length - 1]);
    }

    /**
     * Returns a tensor with the same data and a new shape of equal element count.
     *
     * @param newShape the new dimensions
     * @return a view sharing the data
     */
    public Tensor reshape(int... newShape) {
        return of(data, newShape);
    }

    /**
     * Returns a deep copy.
     *
     * @return a tensor with its own data array
     */
    public Tensor copy() {
        return new Tensor(data.clone(), shape);
    }

    private int offset(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices for shape "
                    + Arrays.toString(shape) + ", got " + index.length);
        }
        int off = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + index[i] + " out of range for axis " + i
                        + " of shape " + Arrays.toString(shape));
            }
            off += index[i] * strides[i];
        }
        return off;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
