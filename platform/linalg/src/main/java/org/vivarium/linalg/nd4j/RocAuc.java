package org.vivarium.linalg.nd4j;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.vivarium.api.VivariumException;

/**
 * ROC AUC as the Mann-Whitney rank-sum statistic, with Commons Math's {@link NaturalRanking} (average ranks for
 * ties; it ships with ND4J). ND4J's own exact {@code ROC} is not used here: it stores scores as float32 and walks
 * tied scores in sort order, so tied positives and negatives do not count half (see docs/PLUGINS.md).
 */
final class RocAuc {
    private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    private RocAuc() {
    }

    /**
     * Computes the AUROC.
     *
     * @param scores one finite score per example
     * @param labels 0 or 1 per example
     * @return the AUROC, or NaN if a class is absent
     */
    static double of(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new VivariumException(scores.length + " scores but " + labels.length + " labels",
                    "pass one label per score");
        }
        long positives = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new VivariumException("label " + i + " is " + labels[i], "use labels 0 and 1");
            }
            if (!Double.isFinite(scores[i])) {
                throw new VivariumException("score " + i + " is " + scores[i], "remove NaN and infinite scores first");
            }
            positives += labels[i];
        }
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] ranks = RANKING.rank(scores);
        double rankSum = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (labels[i] == 1) {
                rankSum += ranks[i];
            }
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
