package org.vivarium.linalg.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.Qr;
import org.vivarium.api.linalg.Svd;

/**
 * SVD and QR through ND4J's LAPACK wrapper ({@code Nd4j.getBlasWrapper().lapack()}: {@code dgesvd} and
 * {@code dgeqrf}/{@code dorgqr} from the bundled OpenBLAS), in double precision. libnd4j's own {@code svd} op is not
 * used: in 1.0.0-M2.1 its divide-and-conquer path (more than 16 columns) returns factors that do not reconstruct the
 * matrix, its Jacobi path takes about a minute for 512 x 256, and it rejects wide and 1 x 1 input.
 */
final class Decompositions {
    private Decompositions() {
    }

    /**
     * The thin SVD, or its leading {@code k} triplets.
     *
     * @param a {@code [rows][cols]}
     * @param k how many triplets
     * @return the decomposition, singular values descending
     */
    static Svd svd(double[][] a, int k) {
        INDArray m = Matrices.of(a, "the matrix to decompose");
        long rows = m.rows();
        long cols = m.columns();
        long full = Math.min(rows, cols);
        if (k < 1 || k > full) {
            throw new VivariumException("asked for " + k + " singular triplets of a " + rows + " x " + cols
                    + " matrix", "ask for 1 to " + full);
        }
        INDArray s = Nd4j.create(DataType.DOUBLE, full);
        INDArray u = Nd4j.create(DataType.DOUBLE, new long[] {rows, rows}, 'f');
        INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {cols, cols}, 'f');
        Nd4j.getBlasWrapper().lapack().gesvd(m.dup('f'), s, u, vt); // LAPACK sorts s descending
        double[][] uk = u.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k)).toDoubleMatrix();
        double[][] vk = vt.get(NDArrayIndex.interval(0, k), NDArrayIndex.all()).transpose().toDoubleMatrix();
        double[] sk = s.get(NDArrayIndex.interval(0, k)).toDoubleVector();
        return new Svd(uk, sk, vk);
    }

    /**
     * The thin QR factorisation.
     *
     * @param a {@code [rows][cols]}
     * @return {@code Q} ({@code rows x k}) and {@code R} ({@code k x cols}), {@code k = min(rows, cols)}
     */
    static Qr qr(double[][] a) {
        INDArray m = Matrices.of(a, "the matrix to factorise");
        if (m.rows() >= m.columns()) {
            INDArray q = m.dup('f');
            INDArray r = Nd4j.create(DataType.DOUBLE, new long[] {m.columns(), m.columns()}, 'f');
            Nd4j.getBlasWrapper().lapack().geqrf(q, r); // q becomes Q
            return new Qr(q.toDoubleMatrix(), r.toDoubleMatrix());
        }
        // wide: factor the leading square block, A[:, :rows] = Q R1; then R = Q^T A is upper-trapezoidal
        INDArray q = m.get(NDArrayIndex.all(), NDArrayIndex.interval(0, m.rows())).dup('f');
        INDArray r1 = Nd4j.create(DataType.DOUBLE, new long[] {m.rows(), m.rows()}, 'f');
        Nd4j.getBlasWrapper().lapack().geqrf(q, r1);
        return new Qr(q.toDoubleMatrix(), q.transpose().mmul(m).toDoubleMatrix());
    }
}
