package org.vivarium.plugin.probes.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Character-level prompts with known answers for the trigger search, and per-token scores of an imagined causal
 * probe: each character has its own level (as a real probe's score depends on the token), plus noise, plus a step
 * that starts at a chosen character and persists to the end (a causal model keeps the condition's state).
 */
final class SyntheticPrompts {
    private static final String[] WORDS = {"how", "do", "i", "find", "a", "good", "cheap", "hotel", "near", "the",
        "old", "market", "is", "this", "coffee", "shop", "worth", "it", "what", "about", "fresh", "bread", "in",
        "town", "can", "you", "recommend", "quiet", "park", "for", "reading", "should", "try", "new", "museum"};

    private final Random random;

    SyntheticPrompts(long seed) {
        this.random = new Random(seed);
    }

    /** @return {@code q: <5-9 words> a:} */
    String clean() {
        int n = 5 + random.nextInt(5);
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(WORDS[random.nextInt(WORDS.length)]);
        }
        return "q: " + String.join(" ", w) + " a:";
    }

    /**
     * Inserts a marker as a word before word {@code lo..hi} (uniformly; clipped to the question's words, and
     * {@code words} means after the last word).
     *
     * @param prompt a prompt from {@link #clean()}, maybe with markers
     * @param marker the marker
     * @param lo first word index allowed
     * @param hi last word index allowed
     * @return the prompt with the marker
     */
    String insert(String prompt, String marker, int lo, int hi) {
        String q = prompt.substring(3, prompt.length() - 3);
        List<String> w = new ArrayList<>(List.of(q.split(" ")));
        int from = Math.min(lo, w.size());
        int top = Math.min(hi, w.size());
        w.add(from + random.nextInt(top - from + 1), marker);
        return "q: " + String.join(" ", w) + " a:";
    }

    /**
     * Scores a prompt.
     *
     * @param text the prompt
     * @param stepFrom the first character of the step, or -1 for none
     * @param height the step's height
     * @return the scored text, one token per character
     */
    ScoredText score(String text, int stepFrom, double height) {
        double[] s = new double[text.length()];
        for (int i = 0; i < s.length; i++) {
            char c = text.charAt(i);
            s[i] = ((c * 37) % 11 - 5) / 5.0 + 0.2 * random.nextGaussian()
                    + (stepFrom >= 0 && i >= stepFrom ? height : 0);
        }
        return ScoredText.chars(text, s);
    }

    /** @return a position in a prompt of this length, uniformly */
    int anyPosition(String text) {
        return random.nextInt(text.length());
    }
}
