package org.vivarium.api.linalg;

import org.vivarium.api.VivariumException;

/**
 * A dense single-precision matrix in one row-major array.
 *
 * @param rows number of rows
 * @param cols number of columns
 * @param data {@code rows * cols} values, row after row (not copied)
 */
public record FloatMatrix(int rows, int cols, float[] data) {

    /**
     * Checks the shape.
     *
     * @throws VivariumException if a dimension is negative or {@code data} does not hold {@code rows * cols} values
     */
    public FloatMatrix {
        if (rows < 0 || cols < 0 || data == null || (long) rows * cols != data.length) {
            throw new VivariumException("a " + rows + " x " + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + (data == null ? "none" : data.length),
                    "pass rows * cols values in row-major order");
        }
    }

    /**
     * Copies rows of equal width into one matrix.
     *
     * @param rows the rows, at least one, all the same width
     * @return the matrix
     * @throws VivariumException if there are no rows or they differ in width
     */
    public static FloatMatrix of(float[][] rows) {
        if (rows.length == 0) {
            throw new VivariumException("a matrix needs at least one row", "pass a non-empty array of rows");
        }
        int cols = rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new VivariumException("row " + i + " has " + rows[i].length + " values, row 0 has " + cols,
                        "pass rows of equal width");
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new FloatMatrix(rows.length, cols, data);
    }

    /**
     * Returns one value.
     *
     * @param r the row
     * @param c the column
     * @return the value at {@code (r, c)}
     */
    public float get(int r, int c) {
        return data[r * cols + c];
    }

    /** @return a copy as {@code [rows][cols]} */
    public float[][] toRows() {
        float[][] out = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, out[i], 0, cols);
        }
        return out;
    }
}
