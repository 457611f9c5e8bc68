package org.vivarium.plugin.lorainterp.pass;

import java.util.ArrayList;
import java.util.List;

/**
 * The prompts an analysis runs: condition-present ({@code label 1}), condition-absent ({@code label 0}) and
 * unlabelled ({@code label -1}) texts, in that order.
 *
 * @param texts the prompts
 * @param labels 1, 0 or -1 per prompt
 */
public record Corpus(List<String> texts, int[] labels) {
    /** Label of a condition-present prompt. */
    public static final int POSITIVE = 1;
    /** Label of a condition-absent prompt. */
    public static final int NEGATIVE = 0;
    /** Label of a prompt with no condition label. */
    public static final int UNLABELLED = -1;

    /** Copies the inputs and checks they agree. */
    public Corpus {
        texts = List.copyOf(texts);
        labels = labels.clone();
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException(texts.size() + " prompts but " + labels.length + " labels");
        }
    }

    /**
     * Builds a corpus.
     *
     * @param positives condition-present prompts
     * @param negatives condition-absent prompts
     * @param unlabelled other prompts
     * @return the corpus, positives first
     */
    public static Corpus of(List<String> positives, List<String> negatives, List<String> unlabelled) {
        List<String> texts = new ArrayList<>(positives);
        texts.addAll(negatives);
        texts.addAll(unlabelled);
        int[] labels = new int[texts.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < positives.size() ? POSITIVE : i < positives.size() + negatives.size() ? NEGATIVE
                    : UNLABELLED;
        }
        return new Corpus(texts, labels);
    }

    /** @return the number of prompts */
    public int size() {
        return texts.size();
    }

    /**
     * Counts prompts with a label.
     *
     * @param label 1, 0 or -1
     * @return how many
     */
    public int count(int label) {
        int n = 0;
        for (int l : labels) {
            n += l == label ? 1 : 0;
        }
        return n;
    }

    /** @return whether both classes have at least one prompt */
    public boolean hasContrast() {
        return count(POSITIVE) > 0 && count(NEGATIVE) > 0;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /**
     * Returns one prompt's label.
     *
     * @param i the prompt index
     * @return 1, 0 or -1
     */
    public int label(int i) {
        return labels[i];
    }
}
