package org.vivarium.plugin.probes.math;

import org.vivarium.api.linalg.LinearAlgebra;

/**
 * How well a probe separates the classes of one set of examples.
 *
 * @param accuracy fraction of examples whose predicted class ({@code score > 0}) equals the label
 * @param auroc area under the ROC curve of the scores (NaN if a class is absent)
 * @param size number of examples
 */
public record Evaluation(double accuracy, double auroc, int size) {

    /**
     * Evaluates a probe on labelled rows.
     *
     * @param la the host's linear algebra (for the AUROC)
     * @param probe the probe
     * @param x rows
     * @param y labels 0 or 1
     * @return accuracy, AUROC and size
     */
    public static Evaluation of(LinearAlgebra la, Probe probe, float[][] x, int[] y) {
        return of(la, probe.scores(x), y);
    }

    /**
     * Evaluates precomputed scores.
     *
     * @param la the host's linear algebra (for the AUROC)
     * @param scores one score per example
     * @param y labels 0 or 1
     * @return accuracy, AUROC and size
     */
    public static Evaluation of(LinearAlgebra la, double[] scores, int[] y) {
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] > 0 ? 1 : 0) == y[i]) {
                correct++;
            }
        }
        double acc = scores.length == 0 ? Double.NaN : (double) correct / scores.length;
        return new Evaluation(acc, la.auroc(scores, y), scores.length);
    }
}
