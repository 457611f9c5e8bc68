package org.vivarium.organisms.superposition;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.npy.NpyWriter;

/**
 * Writes what a sparse autoencoder can be trained and scored on, as {@code .npy} files that numpy and the
 * platform's {@code LinearAlgebra.readNpy} read:
 * <ul>
 *   <li>{@code RUN/activations/density-<1-S>.npy} {@code [rows, m]}: the hidden representation {@code h = W x}
 *       of fresh inputs drawn from the organism's feature distribution (seeded, a stream the training never
 *       used). Inputs with no feature present ({@code h = 0}) are skipped, so at 1-S = 0.001 the file is not
 *       98% zeros. These rows say nothing about which directions are features.</li>
 *   <li>{@code RUN/checkpoint/density-<1-S>.features.npy} {@code [n, m]}: row i is W's column i, the true
 *       direction of feature i (the ground truth; feature i counts as represented when its norm exceeds
 *       {@link FeatureGeometry#REPRESENTED_NORM}).</li>
 * </ul>
 */
public final class HiddenActivations {
    /** Rows written per density. */
    public static final int ROWS = 16_384;
    /** Added to the run seed so the activation inputs are a stream the training never drew. */
    private static final long SEED_OFFSET = 0x5AE_5AEL;

    private HiddenActivations() {
    }

    /**
     * Writes both files for every model of a sweep.
     *
     * @param runDir the run directory ({@code checkpoint/} must exist)
     * @param sweep the trained sweep
     * @param seed the run seed
     * @param rows activation rows per density
     */
    public static void write(Path runDir, SweepFiles.Sweep sweep, long seed, int rows) {
        for (SweepFiles.Entry e : sweep.entries()) {
            String stem = "density-" + SweepConfig.label(e.density());
            double[][] w = e.model().weights();
            NpyWriter.write(runDir.resolve("checkpoint").resolve(stem + ".features.npy"), features(w));
            SplittableRandom rng = new SplittableRandom(ToyTrainer.seedFor(seed + SEED_OFFSET, e.density()));
            NpyWriter.write(runDir.resolve("activations").resolve(stem + ".npy"),
                    hidden(w, new SparseFeatures(w[0].length, e.density(), rng), rows));
        }
    }

    /**
     * The true feature directions.
     *
     * @param w the model's W, {@code [m][n]}
     * @return {@code [n, m]}: row i is column i of W
     */
    static Tensor features(double[][] w) {
        int m = w.length;
        int n = w[0].length;
        float[] out = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                out[i * m + k] = (float) w[k][i];
            }
        }
        return Tensor.of(out, n, m);
    }

    /**
     * Draws inputs until {@code rows} of them have at least one feature present, and maps them to h.
     *
     * @param w the model's W, {@code [m][n]}
     * @param data the input distribution
     * @param rows how many rows
     * @return {@code [rows, m]}
     */
    static Tensor hidden(double[][] w, SparseFeatures data, int rows) {
        int m = w.length;
        float[] out = new float[rows * m];
        double[][] x = new double[1][w[0].length];
        int filled = 0;
        while (filled < rows) {
            data.fill(x);
            boolean any = false;
            for (double v : x[0]) {
                any |= v != 0;
            }
            if (!any) {
                continue;
            }
            for (int k = 0; k < m; k++) {
                double s = 0;
                for (int i = 0; i < x[0].length; i++) {
                    s += w[k][i] * x[0][i];
                }
                out[filled * m + k] = (float) s;
            }
            filled++;
        }
        return Tensor.of(out, rows, m);
    }
}
