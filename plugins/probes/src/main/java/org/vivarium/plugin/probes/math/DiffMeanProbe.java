package org.vivarium.plugin.probes.math;

/**
 * Fits a difference-of-means probe: the direction is {@code mean(class 1) - mean(class 0)} in the raw
 * activation space and the threshold is the midpoint of the two class means projected onto it.
 *
 * <pre>{@code
 * LinearProbe p = DiffMeanProbe.fit(trainX, trainY);
 * boolean positive = p.score(x) > 0;
 * }</pre>
 */
public final class DiffMeanProbe {
    private DiffMeanProbe() {
    }

    /**
     * Fits the probe.
     *
     * @param x training rows, all the same width
     * @param y labels 0 or 1, one per row, both classes present
     * @return the fitted probe
     */
    public static LinearProbe fit(float[][] x, int[] y) {
        double[] pos = Vectors.classMean(x, y, 1);
        double[] neg = Vectors.classMean(x, y, 0);
        float[] direction = new float[pos.length];
        double projPos = 0;
        double projNeg = 0;
        for (int j = 0; j < pos.length; j++) {
            direction[j] = (float) (pos[j] - neg[j]);
            projPos += direction[j] * pos[j];
            projNeg += direction[j] * neg[j];
        }
        return new LinearProbe(ProbeKind.DIFFMEAN, direction, -(projPos + projNeg) / 2);
    }
}
