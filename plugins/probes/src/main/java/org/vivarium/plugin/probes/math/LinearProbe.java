package org.vivarium.plugin.probes.math;

import java.util.Objects;

/**
 * A fitted linear probe in the raw activation space: {@code score(x) = direction · x + bias}, predicting
 * class 1 when the score is positive. For logistic probes the score is the logit.
 *
 * @param kind how it was fitted
 * @param direction one weight per activation dimension (raw, not standardized, space)
 * @param bias the offset; the decision threshold is {@code direction · x = -bias}
 */
public record LinearProbe(ProbeKind kind, float[] direction, double bias) implements Probe {

    /** Copies the direction. */
    public LinearProbe {
        Objects.requireNonNull(kind, "kind");
        direction = direction.clone();
    }

    @Override
    public float[] direction() {
        return direction.clone();
    }

    @Override
    public int width() {
        return direction.length;
    }

    /**
     * Scores the activation vector stored at {@code offset} in a larger array (e.g. a tensor's data).
     *
     * @param data the values
     * @param offset where the vector starts
     * @return {@code direction · x + bias}
     */
    @Override
    public double score(float[] data, int offset) {
        double s = bias;
        for (int i = 0; i < direction.length; i++) {
            s += (double) direction[i] * data[offset + i];
        }
        return s;
    }
}
