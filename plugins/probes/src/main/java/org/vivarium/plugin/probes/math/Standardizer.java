package org.vivarium.plugin.probes.math;

/**
 * Per-dimension standardization {@code z = (x - mean) / std} fitted on training rows. Constant
 * dimensions get {@code std = 1} so they map to zero instead of dividing by zero.
 */
public final class Standardizer {
    private static final double MIN_STD = 1e-8;

    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /**
     * Fits the means and standard deviations.
     *
     * @param x training rows, at least one, all the same width
     * @return the fitted standardizer
     */
    public static Standardizer fit(float[][] x) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] var = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= x.length;
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                var[j] += c * c;
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(var[j] / x.length);
            std[j] = s < MIN_STD ? 1 : s;
        }
        return new Standardizer(mean, std);
    }

    /**
     * Standardizes rows.
     *
     * @param x raw rows
     * @return standardized copies
     */
    public double[][] apply(float[][] x) {
        double[][] z = new double[x.length][mean.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                z[i][j] = (x[i][j] - mean[j]) / std[j];
            }
        }
        return z;
    }

    /**
     * Converts a linear function of standardized features, {@code w · z + b}, into the same function of
     * raw features, {@code (w / std) · x + (b - Σ w mean / std)}.
     *
     * @param kind the probe kind to record
     * @param w weights on standardized features
     * @param b bias on standardized features
     * @return the equivalent raw-space probe
     */
    public LinearProbe toRaw(ProbeKind kind, double[] w, double b) {
        float[] direction = new float[w.length];
        double bias = b;
        for (int j = 0; j < w.length; j++) {
            double raw = w[j] / std[j];
            direction[j] = (float) raw;
            bias -= raw * mean[j];
        }
        return new LinearProbe(kind, direction, bias);
    }
}
