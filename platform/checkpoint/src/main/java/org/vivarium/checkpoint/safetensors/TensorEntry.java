package org.vivarium.checkpoint.safetensors;

import java.util.Arrays;

/**
 * One tensor as described by a safetensors header.
 *
 * @param name the tensor name, e.g. {@code blocks.0.attn.W_Q}
 * @param dtype the element type
 * @param shape the dimensions (a copy is kept and returned)
 * @param begin first byte, relative to the start of the data section
 * @param end one past the last byte, relative to the start of the data section
 */
public record TensorEntry(String name, DType dtype, int[] shape, long begin, long end) {

    /** Copies the shape so the entry is immutable. */
    public TensorEntry {
        shape = shape.clone();
    }

    /**
     * Returns the dimensions.
     *
     * @return a copy of the shape
     */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Returns the number of elements (1 for a scalar).
     *
     * @return the product of the dimensions
     */
    public long numel() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /**
     * Returns the byte length of the data.
     *
     * @return {@code end - begin}
     */
    public long byteLength() {
        return end - begin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorEntry t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
    }
}
