package org.vivarium.api.linalg;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.VivariumException;

/**
 * The host's analysis numerics on plain Java arrays. Matrices are row-major {@code double[rows][cols]} (or a
 * {@link FloatMatrix} where single precision and one flat array matter); results never alias the arguments.
 *
 * <pre>{@code
 * LinearAlgebra la = ctx.linearAlgebra();
 * Svd svd = la.svd(weights, 4);               // top-4 singular triplets
 * double auc = la.auroc(scores, labels);      // NaN if a class is absent
 * MlpFit fit = la.fitMlp(trainX, trainY, valX, valY, MlpSettings.defaults(seed));
 * }</pre>
 *
 * <p>Implementations are thread-safe. The host's runs on a fixed number of native threads (see docs/PLUGINS.md).
 */
@ProviderType
public interface LinearAlgebra {

    /**
     * The thin singular value decomposition {@code A = U diag(s) V^T}, {@code k = min(rows, cols)} triplets.
     *
     * @param a {@code [rows][cols]}, at least 1 x 1, finite
     * @return the decomposition, singular values descending
     * @throws VivariumException if the matrix is empty, ragged or not finite
     */
    Svd svd(double[][] a);

    /**
     * The {@code k} largest singular triplets of {@code A}.
     *
     * @param a {@code [rows][cols]}, finite
     * @param k how many triplets, {@code 1 <= k <= min(rows, cols)}
     * @return the leading {@code k} triplets, singular values descending
     * @throws VivariumException if {@code k} is out of range or the matrix is empty, ragged or not finite
     */
    Svd svd(double[][] a, int k);

    /**
     * The thin QR factorisation {@code A = Q R}: {@code Q} is {@code rows x k} with orthonormal columns and
     * {@code R} is {@code k x cols} upper-trapezoidal, {@code k = min(rows, cols)}.
     *
     * @param a {@code [rows][cols]}, finite
     * @return the factors
     * @throws VivariumException if the matrix is empty, ragged or not finite
     */
    Qr qr(double[][] a);

    /**
     * The matrix product {@code A B} in double precision.
     *
     * @param a {@code [m][k]}
     * @param b {@code [k][n]}
     * @return {@code [m][n]}
     * @throws VivariumException if the inner dimensions differ or a matrix is empty or ragged
     */
    double[][] multiply(double[][] a, double[][] b);

    /**
     * The single-precision product {@code op(A) op(B)} (BLAS sgemm), where {@code op} transposes when asked.
     *
     * @param a the left matrix
     * @param transposeA whether to use {@code A^T}
     * @param b the right matrix
     * @param transposeB whether to use {@code B^T}
     * @return the product
     * @throws VivariumException if the inner dimensions differ
     */
    FloatMatrix gemm(FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB);

    /**
     * The single-precision product {@code op(A) op(B)} written into a matrix the caller owns (BLAS sgemm without a
     * result allocation), for loops that multiply the same shapes every step, such as an SAE encoder. With a fixed
     * {@link #threads()} count the same inputs give bit-identical results.
     *
     * @param a the left matrix
     * @param transposeA whether to use {@code A^T}
     * @param b the right matrix
     * @param transposeB whether to use {@code B^T}
     * @param out receives the product; its shape must be {@code rows(op(A)) x cols(op(B))}; must not alias an argument
     * @throws VivariumException if the inner dimensions differ or {@code out} has the wrong shape
     * @since 1.1
     */
    void gemm(FloatMatrix a, boolean transposeA, FloatMatrix b, boolean transposeB, FloatMatrix out);

    /**
     * The number of native threads the products run on (fixed for the life of the process; see docs/PLUGINS.md for
     * how to set it).
     *
     * @return the thread count, at least 1
     * @since 1.1
     */
    int threads();

    /**
     * The area under the ROC curve of scores for binary labels (ties count half, as in the Mann-Whitney U
     * statistic): the probability that a random positive scores above a random negative.
     *
     * @param scores one finite score per example, higher meaning "more likely class 1"
     * @param labels 0 or 1 per example
     * @return the AUROC in [0, 1], or NaN if a class is absent
     * @throws VivariumException if the lengths differ, a label is not 0 or 1 or a score is not finite
     */
    double auroc(double[] scores, int[] labels);

    /**
     * Reads a 1-d or 2-d {@code .npy} file of float32 (or float64, converted) values as NumPy writes them.
     * A 1-d array becomes one row.
     *
     * @param file the file
     * @return the matrix
     * @throws VivariumException if the file is missing, not a {@code .npy} file or holds another dtype or rank
     */
    FloatMatrix readNpy(Path file);

    /**
     * Writes a 2-d float32 {@code .npy} file NumPy reads with {@code numpy.load}, through a temporary file moved into
     * place.
     *
     * @param file the file, replaced if it exists
     * @param matrix the values
     * @throws VivariumException if the file cannot be written
     */
    void writeNpy(Path file, FloatMatrix matrix);

    /**
     * Reads a 1-d {@code .npy} file of float32 (or float64, converted) values as NumPy writes them.
     *
     * @param file the file
     * @return the values
     * @throws VivariumException if the file is missing, not a {@code .npy} file, holds another dtype or is not 1-d
     * @since 1.1
     */
    float[] readNpyVector(Path file);

    /**
     * Writes a 1-d float32 {@code .npy} file (shape {@code (n,)}) NumPy reads with {@code numpy.load}. Like
     * {@link #writeNpy(Path, FloatMatrix)}, the file is written beside the target and then moved into place, so a
     * reader never sees half a file.
     *
     * @param file the file, replaced if it exists
     * @param vector the values
     * @throws VivariumException if the file cannot be written
     * @since 1.1
     */
    void writeNpy(Path file, float[] vector);

    /**
     * Fits a binary MLP classifier (dense ReLU layers, a softmax output, Adam on the cross-entropy) on the training
     * rows, evaluating the loss on the validation rows after each epoch and keeping the epoch with the lowest
     * validation loss; training stops after {@link MlpSettings#patience()} epochs without improvement or at
     * {@link MlpSettings#maxEpochs()}. The same inputs and seed give the same model.
     *
     * @param trainX training rows, all the same width
     * @param trainY labels 0 or 1, both classes present
     * @param validationX validation rows, never trained on
     * @param validationY their labels
     * @param settings architecture, optimiser and stopping settings
     * @return the best model and its training history
     * @throws VivariumException if the rows are empty or ragged, a label is not 0 or 1, or a class is absent
     */
    MlpFit fitMlp(float[][] trainX, int[] trainY, float[][] validationX, int[] validationY, MlpSettings settings);
}
