package org.vivarium.plugin.probes.math;

/**
 * A fitted probe: a score per activation vector that is positive where it predicts class 1. Linear probes score
 * {@code direction · x + bias}; the MLP probe scores the logit of its class-1 probability.
 */
public interface Probe {
    /** @return how it was fitted */
    ProbeKind kind();

    /** @return the number of activation dimensions */
    int width();

    /**
     * Scores the activation vector stored at {@code offset} in a larger array (e.g. a tensor's data).
     *
     * @param data the values
     * @param offset where the vector starts
     * @return the score, positive for class 1
     */
    double score(float[] data, int offset);

    /**
     * Scores one activation vector.
     *
     * @param x an activation of {@link #width()} values
     * @return the score, positive for class 1
     */
    default double score(float[] x) {
        return score(x, 0);
    }

    /**
     * Scores many vectors.
     *
     * @param rows activation vectors
     * @return one score per row
     */
    default double[] scores(float[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = score(rows[i]);
        }
        return out;
    }
}
