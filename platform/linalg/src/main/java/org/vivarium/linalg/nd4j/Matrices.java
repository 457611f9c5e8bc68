package org.vivarium.linalg.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.FloatMatrix;

/** Checked conversions between Java arrays and ND4J arrays. */
final class Matrices {
    private Matrices() {
    }

    /**
     * Copies a matrix into a double-precision ND4J array after checking it.
     *
     * @param a {@code [rows][cols]}
     * @param what the matrix's name in error messages
     * @return a {@code rows x cols} DOUBLE array
     * @throws VivariumException if it is empty, ragged or holds a value that is not finite
     */
    static INDArray of(double[][] a, String what) {
        if (a == null || a.length == 0 || a[0].length == 0) {
            throw new VivariumException(what + " is empty", "pass a matrix with at least one row and one column");
        }
        int cols = a[0].length;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != cols) {
                throw new VivariumException(what + " row " + i + " has " + a[i].length + " values, row 0 has " + cols,
                        "pass rows of equal width");
            }
            for (double v : a[i]) {
                if (!Double.isFinite(v)) {
                    throw new VivariumException(what + " row " + i + " holds " + v,
                            "remove NaN and infinite values first");
                }
            }
        }
        return Nd4j.create(a);
    }

    /**
     * Copies a float matrix into a FLOAT ND4J array.
     *
     * @param m the matrix
     * @return a {@code rows x cols} array in C order
     */
    static INDArray of(FloatMatrix m) {
        return Nd4j.create(m.data().clone(), new long[] {m.rows(), m.cols()}, 'c');
    }

    /**
     * Copies an ND4J matrix out as a float matrix.
     *
     * @param a a rank-2 array of any order and floating type
     * @return the values, row-major
     */
    static FloatMatrix toFloat(INDArray a) {
        INDArray c = a.castTo(DataType.FLOAT).dup('c');
        return new FloatMatrix(c.rows(), c.columns(), c.data().asFloat());
    }

    /**
     * Copies rows of equal width into a FLOAT array.
     *
     * @param rows the rows
     * @param what their name in error messages
     * @return {@code [n][width]}
     * @throws VivariumException if there are no rows, they differ in width or hold a value that is not finite
     */
    static INDArray rows(float[][] rows, String what) {
        if (rows == null || rows.length == 0) {
            throw new VivariumException(what + " has no rows", "pass at least one row");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                throw new VivariumException(what + " row " + i + " has " + rows[i].length + " values, row 0 has "
                        + rows[0].length, "pass rows of equal width");
            }
            for (float v : rows[i]) {
                if (!Float.isFinite(v)) {
                    throw new VivariumException(what + " row " + i + " holds " + v,
                            "remove NaN and infinite values first");
                }
            }
        }
        return Nd4j.create(rows);
    }
}
