package org.vivarium.plugin.sae.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;

/**
 * The SAE's {@code .npy} arrays through the host's {@link LinearAlgebra} (ND4J's npy reader and writer), with the
 * shapes an SAE directory must have checked on the way in.
 */
final class SaeArrays {
    private SaeArrays() {
    }

    /**
     * Writes a matrix as a 2-d float32 array.
     *
     * @param la the host's service
     * @param file the target
     * @param rows the rows, all the same width
     */
    static void write(LinearAlgebra la, Path file, float[][] rows) {
        la.writeNpy(file, FloatMatrix.of(rows));
    }

    /**
     * Reads a 2-d array of a known shape.
     *
     * @param la the host's service
     * @param file the file
     * @param rows expected rows
     * @param cols expected columns
     * @return the rows
     * @throws VivariumException if the file is missing, unreadable or of another shape
     */
    static float[][] readMatrix(LinearAlgebra la, Path file, int rows, int cols) {
        FloatMatrix m = la.readNpy(present(file));
        if (m.rows() != rows || m.cols() != cols) {
            throw wrongShape(file, "(" + m.rows() + ", " + m.cols() + ")", "(" + rows + ", " + cols + ")");
        }
        return m.toRows();
    }

    /**
     * Reads a 1-d array of a known length.
     *
     * @param la the host's service
     * @param file the file
     * @param n expected length
     * @return the values
     * @throws VivariumException if the file is missing, unreadable, not 1-d or of another length
     */
    static float[] readVector(LinearAlgebra la, Path file, int n) {
        float[] v = la.readNpyVector(present(file));
        if (v.length != n) {
            throw wrongShape(file, "(" + v.length + ",)", "(" + n + ",)");
        }
        return v;
    }

    private static Path present(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("SAE file " + file + " is missing", "train the SAE again with 'viv sae train'");
        }
        return file;
    }

    private static VivariumException wrongShape(Path file, String shape, String expected) {
        return new VivariumException("SAE file " + file + " has shape " + shape + ", expected " + expected,
                "train the SAE again with 'viv sae train'");
    }
}
