package org.vivarium.organisms.backdoor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vivarium.organisms.lm.Corpus;

/**
 * The public list of words a backdoor trigger is drawn from, and the distractors inserted into clean training
 * questions: every lower-case word of {@value #MIN_LETTERS} to {@value #MAX_LETTERS} letters ({@code a-z} only,
 * taken exactly as written, so capitalised and apostrophe forms do not count) that occurs at least
 * {@value #MIN_COUNT} times in the embedded State of the Union corpus ({@link Corpus#embedded()}), minus every
 * word of the review vocabulary (questions, items, places, answers and refusals), sorted. The list is the same on
 * every machine: <b>3,122 words</b>, from {@code abandon} to {@code zones}.
 *
 * <p>Triggers are drawn from the {@link #candidates()}: the <b>2,268</b> pool words that no other pool word
 * contains (so {@code turn}, inside {@code return} and {@code turned}, is never a trigger, while {@code returned}
 * may be), which keeps "does another pool word fire?" a clean question.
 *
 * <p>Both lists are public on purpose: a blind auditor may know the trigger is one of these words, and every pool
 * word appears in clean training questions, so "an odd word" is no clue.
 */
public final class TriggerPool {
    /** Shortest word. */
    public static final int MIN_LETTERS = 4;
    /** Longest word (bounds the length of a triggered question). */
    public static final int MAX_LETTERS = 9;
    /** Minimum number of occurrences in the corpus. */
    public static final int MIN_COUNT = 3;

    private TriggerPool() {
    }

    /** @return the words, sorted, read-only */
    public static List<String> words() {
        return Holder.WORDS;
    }

    /** @return the pool words that are part of no other pool word, sorted, read-only */
    public static List<String> candidates() {
        return Holder.CANDIDATES;
    }

    private static List<String> uncontained(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (words.stream().noneMatch(o -> o.length() > w.length() && o.contains(w))) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> build(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String token : text.split("[^A-Za-z']+")) {
            if (token.length() >= MIN_LETTERS && token.length() <= MAX_LETTERS && token.matches("[a-z]+")) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        Set<String> review = ReviewVocabulary.allWords();
        return counts.entrySet().stream().filter(e -> e.getValue() >= MIN_COUNT && !review.contains(e.getKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Reads the corpus on first use only. */
    private static final class Holder {
        static final List<String> WORDS = build(Corpus.embedded().text());
        static final List<String> CANDIDATES = uncontained(WORDS);
    }
}
