package org.vivarium.plugin.circuits.math;

import java.util.Arrays;
import org.vivarium.api.tensor.Tensor;

/**
 * A small dense row-major {@code double} matrix with the few operations the circuit analyses need
 * (products, transposes, traces, Frobenius norms). Plugins have no linear-algebra library, and the matrices
 * here are at most {@code d_model x d_model}, so plain loops are enough.
 *
 * <pre>{@code
 * Mat q = Mat.slice(weights.get("blocks.1.attn.W_Q"), 2); // head 2: [d_model, d_head]
 * double n = q.times(q.transpose()).frobenius();
 * }</pre>
 */
public final class Mat {
    private final int rows;
    private final int cols;
    private final double[] a;

    private Mat(int rows, int cols, double[] a) {
        this.rows = rows;
        this.cols = cols;
        this.a = a;
    }

    /**
     * A zero matrix.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @return the matrix
     */
    public static Mat zeros(int rows, int cols) {
        return new Mat(rows, cols, new double[rows * cols]);
    }

    /**
     * Wraps values (copied).
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param values row-major, {@code rows * cols} of them
     * @return the matrix
     */
    public static Mat of(int rows, int cols, double... values) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + rows * cols
                    + " values, got " + values.length);
        }
        return new Mat(rows, cols, values.clone());
    }

    /**
     * Copies a 2-d tensor.
     *
     * @param t a tensor of rank 2
     * @return the matrix
     */
    public static Mat of(Tensor t) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix, got shape " + Arrays.toString(t.shape()));
        }
        return fromFloats(t.size(0), t.size(1), t.data(), 0);
    }

    /**
     * Copies the {@code index}-th matrix of a rank-3 tensor, e.g. one head of {@code W_Q [n_heads, d_model, d_head]}.
     *
     * @param t a tensor of rank 3
     * @param index index along axis 0
     * @return the matrix {@code [size(1), size(2)]}
     */
    public static Mat slice(Tensor t, int index) {
        if (t.rank() != 3) {
            throw new IllegalArgumentException("expected a stack of matrices, got shape " + Arrays.toString(t.shape()));
        }
        int r = t.size(1);
        int c = t.size(2);
        return fromFloats(r, c, t.data(), index * r * c);
    }

    private static Mat fromFloats(int r, int c, float[] data, int offset) {
        double[] v = new double[r * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = data[offset + i];
        }
        return new Mat(r, c, v);
    }

    /** @return number of rows */
    public int rows() {
        return rows;
    }

    /** @return number of columns */
    public int cols() {
        return cols;
    }

    /**
     * Reads one entry.
     *
     * @param r row
     * @param c column
     * @return the value
     */
    public double get(int r, int c) {
        return a[r * cols + c];
    }

    /**
     * Sets one entry.
     *
     * @param r row
     * @param c column
     * @param v the value
     */
    public void set(int r, int c, double v) {
        a[r * cols + c] = v;
    }

    /**
     * Multiplies.
     *
     * @param b a matrix with {@code cols()} rows
     * @return {@code this * b}
     */
    public Mat times(Mat b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("cannot multiply " + rows + "x" + cols + " by " + b.rows + "x" + b.cols);
        }
        double[] out = new double[rows * b.cols];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                double x = a[i * cols + k];
                if (x == 0) {
                    continue;
                }
                int bo = k * b.cols;
                int oo = i * b.cols;
                for (int j = 0; j < b.cols; j++) {
                    out[oo + j] += x * b.a[bo + j];
                }
            }
        }
        return new Mat(rows, b.cols, out);
    }

    /** @return the transpose */
    public Mat transpose() {
        double[] out = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = a[i * cols + j];
            }
        }
        return new Mat(cols, rows, out);
    }

    /** @return {@code this^T this}, the Gram matrix of the columns */
    public Mat gram() {
        return transpose().times(this);
    }

    /**
     * Returns {@code trace(this * b)} without forming the product.
     *
     * @param b a matrix of the transposed shape
     * @return the trace
     */
    public double traceTimes(Mat b) {
        if (cols != b.rows || rows != b.cols) {
            throw new IllegalArgumentException("trace of " + rows + "x" + cols + " times " + b.rows + "x" + b.cols);
        }
        double s = 0;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                s += a[i * cols + k] * b.a[k * b.cols + i];
            }
        }
        return s;
    }

    /** @return the Frobenius norm */
    public double frobenius() {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Scales row {@code i} by {@code s[i]}: {@code diag(s) * this}.
     *
     * @param s one factor per row
     * @return a new matrix
     */
    public Mat scaleRows(float[] s) {
        if (s.length != rows) {
            throw new IllegalArgumentException("need " + rows + " row scales, got " + s.length);
        }
        double[] out = a.clone();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] *= s[i];
            }
        }
        return new Mat(rows, cols, out);
    }

    /**
     * Subtracts each row's mean from the row: {@code this * (I - 11^T / cols)}. Applied to {@code W_O}, this
     * removes the part of a head's output the next LayerNorm would subtract anyway.
     *
     * @return a new matrix with zero-mean rows
     */
    public Mat centerRows() {
        double[] out = a.clone();
        for (int i = 0; i < rows; i++) {
            double m = 0;
            for (int j = 0; j < cols; j++) {
                m += a[i * cols + j];
            }
            m /= cols;
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] -= m;
            }
        }
        return new Mat(rows, cols, out);
    }

    /**
     * Multiplies by a vector.
     *
     * @param v a vector of length {@code cols()}
     * @return {@code this * v}
     */
    public double[] times(double[] v) {
        if (v.length != cols) {
            throw new IllegalArgumentException("need a vector of length " + cols + ", got " + v.length);
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += a[i * cols + j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    @Override
    public String toString() {
        return "Mat[" + rows + "x" + cols + "]";
    }
}
