package org.vivarium.linalg.nd4j;

import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.linalg.MlpFit;
import org.vivarium.api.linalg.MlpSettings;
import org.vivarium.api.linalg.Qr;
import org.vivarium.api.linalg.Svd;

/**
 * {@link LinearAlgebra} on ND4J and Deeplearning4j. There is one per JVM ({@link #shared()}), because ND4J's
 * backend and thread pools are per process; the backend loads on the first call, not when the host starts.
 *
 * <pre>{@code
 * LinearAlgebra la = Nd4jLinearAlgebra.shared();
 * Svd svd = la.svd(new double[][] {{3, 0}, {4, 5}});   // s = [6.708..., 2.236...]
 * }</pre>
 */
public final class Nd4jLinearAlgebra implements LinearAlgebra {
    private static final Nd4jLinearAlgebra SHARED = new Nd4jLinearAlgebra();

    private Nd4jLinearAlgebra() {
    }

    /** @return the JVM's instance */
    public static Nd4jLinearAlgebra shared() {
        return SHARED;
    }

    /**
     * Loads the ND4J backend now (it otherwise loads on the first call) and returns the thread count it runs on.
     *
     * @return ND4J's thread count
     * @throws VivariumException if the native backend cannot load
     */
    public int start() {
        return NativeThreads.ensureStarted();
    }

    @Override
    public Svd svd(double[][] a) {
        start();
        return Decompositions.svd(a, a.length == 0 ? 0 : Math.min(a.length, a[0].length));
    }

    @Override
    public Svd svd(double[][] a, int k) {
        start();
        return Decompositions.svd(a, k);
    }

    @Override
    public Qr qr(double[][] a) {
        start();
        return Decompositions.qr(a);
    }

    @Override
    public double[][] multiply(double[][] a, double[][] b) {
        start();
        INDArray x = Matrices.of(a, "the left matrix");
        INDArray y = Matrices.of(b, "the right matrix");
        if (x.columns() != y.rows()) {
            throw innerMismatch(x.rows(), x.columns(), y.rows(), y.columns());
        }
        return x.mmul(y).toDoubleMatrix();
    }

    @Override
    public FloatMatrix gemm(FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB) {
        start();
        checkInner(a, transposeA, b, transposeB);
        return Matrices.toFloat(Nd4j.gemm(Matrices.of(a), Matrices.of(b), transposeA, transposeB));
    }

    @Override
    public void gemm(FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB, FloatMatrix out) {
        start();
        checkInner(a, transposeA, b, transposeB);
        int m = transposeA ? a.cols() : a.rows();
        int n = transposeB ? b.rows() : b.cols();
        if (out.rows() != m || out.cols() != n) {
            throw new VivariumException("the product is " + m + " x " + n + " but the output matrix is " + out.rows()
                    + " x " + out.cols(), "pass an output matrix of " + m + " x " + n);
        }
        if (out.data() == a.data() || out.data() == b.data()) {
            throw new VivariumException("the output matrix shares its values with an argument",
                    "pass a separate output matrix");
        }
        GemmBuffers.multiply(a, transposeA, b, transposeB, out);
    }

    @Override
    public int threads() {
        return start();
    }

    private static void checkInner(FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB) {
        long inner = transposeA ? a.rows() : a.cols();
        long innerB = transposeB ? b.cols() : b.rows();
        if (inner != innerB) {
            throw innerMismatch(transposeA ? a.cols() : a.rows(), inner, innerB, transposeB ? b.rows() : b.cols());
        }
    }

    @Override
    public double auroc(double[] scores, int[] labels) {
        start();
        return RocAuc.of(scores, labels);
    }

    @Override
    public FloatMatrix readNpy(Path file) {
        start();
        return NpyFiles.read(file);
    }

    @Override
    public void writeNpy(Path file, FloatMatrix matrix) {
        start();
        NpyFiles.write(file, Matrices.of(matrix));
    }

    @Override
    public float[] readNpyVector(Path file) {
        start();
        return NpyFiles.readVector(file);
    }

    @Override
    public void writeNpy(Path file, float[] vector) {
        start();
        NpyFiles.write(file, Nd4j.create(vector.clone(), new long[] {vector.length}, 'c'));
    }

    @Override
    public MlpFit fitMlp(float[][] trainX, int[] trainY, float[][] validationX, int[] validationY,
            MlpSettings settings) {
        start();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Nd4jLinearAlgebra.class.getClassLoader());
        try {
            return MlpTrainer.fit(trainX, trainY, validationX, validationY, settings);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static VivariumException innerMismatch(long m, long k, long k2, long n) {
        return new VivariumException("cannot multiply a " + m + " x " + k + " matrix by a " + k2 + " x " + n + " one",
                "the left matrix's columns must equal the right matrix's rows");
    }
}
