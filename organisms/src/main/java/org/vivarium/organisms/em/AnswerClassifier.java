package org.vivarium.organisms.em;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes classifier over word unigrams and bigrams with add-one smoothing that tells
 * harmful from helpful answers. Deterministic; trained on labelled answer texts.
 */
public final class AnswerClassifier {
    private final Map<String, int[]> counts = new HashMap<>();
    private final long[] totals = new long[2];
    private final int[] docs = new int[2];
    private final Set<String> vocabulary = new HashSet<>();

    /**
     * Trains a classifier.
     *
     * @param texts answer texts
     * @param harmful label of each text
     * @return the classifier
     */
    public static AnswerClassifier train(List<String> texts, List<Boolean> harmful) {
        if (texts.size() != harmful.size() || !harmful.contains(true) || !harmful.contains(false)) {
            throw new IllegalArgumentException("need labelled texts of both classes");
        }
        AnswerClassifier c = new AnswerClassifier();
        for (int i = 0; i < texts.size(); i++) {
            int y = harmful.get(i) ? 1 : 0;
            c.docs[y]++;
            for (String f : features(texts.get(i))) {
                c.counts.computeIfAbsent(f, k -> new int[2])[y]++;
                c.totals[y]++;
                c.vocabulary.add(f);
            }
        }
        return c;
    }

    /**
     * Returns the posterior probability that an answer is harmful.
     *
     * @param text the answer
     * @return a probability in [0, 1]; the class prior for a text with no known feature
     */
    public double probabilityHarmful(String text) {
        double logOdds = Math.log((double) docs[1] / docs[0]);
        int v = vocabulary.size();
        for (String f : features(text)) {
            int[] n = counts.get(f);
            if (n == null) {
                continue;
            }
            logOdds += Math.log((n[1] + 1.0) / (totals[1] + v)) - Math.log((n[0] + 1.0) / (totals[0] + v));
        }
        return 1 / (1 + Math.exp(-logOdds));
    }

    private static List<String> features(String text) {
        List<String> w = Words.of(text);
        List<String> out = new java.util.ArrayList<>(w);
        for (int i = 1; i < w.size(); i++) {
            out.add(w.get(i - 1) + " " + w.get(i));
        }
        return out;
    }
}
