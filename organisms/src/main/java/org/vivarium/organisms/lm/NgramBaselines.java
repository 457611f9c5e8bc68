package org.vivarium.organisms.lm;

/**
 * Cross-entropy (nats per token) of count-based unigram and bigram models with add-one smoothing,
 * fitted on the training range and scored on the validation range: the bars a neural LM must clear.
 *
 * @param unigram unigram cross-entropy on validation
 * @param bigram bigram cross-entropy on validation
 */
public record NgramBaselines(double unigram, double bigram) {

    /**
     * Fits and scores the baselines.
     *
     * @param ids token stream
     * @param split first validation index
     * @param vocab vocabulary size
     * @return the baselines
     */
    public static NgramBaselines measure(int[] ids, int split, int vocab) {
        long[] uni = new long[vocab];
        long[][] bi = new long[vocab][vocab];
        for (int i = 0; i < split; i++) {
            uni[ids[i]]++;
            if (i + 1 < split) {
                bi[ids[i]][ids[i + 1]]++;
            }
        }
        double total = split + vocab;
        double u = 0;
        double b = 0;
        int n = 0;
        for (int i = split; i + 1 < ids.length; i++) {
            int cur = ids[i];
            int next = ids[i + 1];
            u -= Math.log((uni[next] + 1) / total);
            b -= Math.log((bi[cur][next] + 1.0) / (uni[cur] + vocab));
            n++;
        }
        return new NgramBaselines(u / n, b / n);
    }
}
