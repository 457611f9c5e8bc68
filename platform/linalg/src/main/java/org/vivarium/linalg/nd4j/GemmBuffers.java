package org.vivarium.linalg.nd4j;

import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vivarium.api.linalg.FloatMatrix;

/**
 * sgemm into a caller's array through native buffers kept per thread and shape, so a loop that multiplies the same
 * shapes every step copies its operands in and the product out (bulk copies through JavaCPP) but allocates nothing.
 * A thread keeps at most {@value #MAX_BUFFERS} buffers; a caller cycling through more shapes starts the cache over.
 */
final class GemmBuffers {
    /** Shapes kept per thread before the cache starts over (bounds native memory for callers of many shapes). */
    private static final int MAX_BUFFERS = 12;
    /** Per thread: the native matrices by shape and operand slot. */
    private static final ThreadLocal<Map<Long, INDArray>> BUFFERS = ThreadLocal.withInitial(HashMap::new);

    private GemmBuffers() {
    }

    /**
     * {@code out = op(A) op(B)}; shapes already checked by the caller.
     *
     * @param a the left matrix
     * @param transposeA whether to use {@code A^T}
     * @param b the right matrix
     * @param transposeB whether to use {@code B^T}
     * @param out receives the product
     */
    static void multiply(FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB, FloatMatrix out) {
        Map<Long, INDArray> buffers = BUFFERS.get();
        INDArray x = load(buffers, a, 0);
        INDArray y = load(buffers, b, 1);
        INDArray z = buffer(buffers, out.rows(), out.cols(), 2);
        Nd4j.gemm(x, y, z, transposeA, transposeB, 1.0, 0.0);
        ((FloatPointer) z.data().pointer()).get(out.data());
    }

    private static INDArray load(Map<Long, INDArray> buffers, FloatMatrix m, int slot) {
        INDArray a = buffer(buffers, m.rows(), m.cols(), slot);
        ((FloatPointer) a.data().pointer()).put(m.data());
        return a;
    }

    /** One buffer per shape and operand slot, so A, B and the product never share one even when shapes match. */
    private static INDArray buffer(Map<Long, INDArray> buffers, int rows, int cols, int slot) {
        long key = ((long) rows << 33) ^ ((long) cols << 2) ^ slot;
        INDArray a = buffers.get(key);
        if (a == null) {
            if (buffers.size() >= MAX_BUFFERS) {
                buffers.clear();
            }
            a = Nd4j.create(DataType.FLOAT, rows, cols);
            buffers.put(key, a);
        }
        return a;
    }
}
