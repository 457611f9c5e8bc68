package org.vivarium.launcher.bench;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vivarium.organisms.lm.Corpus;

/**
 * Real English sentences for the MiniLM benchmark: the State of the Union addresses (1990-2021) that ship with the
 * {@code lm} organism, split by the JDK's sentence {@link BreakIterator}, keeping sentences of 5 to 60 words.
 */
final class SotuSentences {
    static final int MIN_WORDS = 5;
    static final int MAX_WORDS = 60;

    private SotuSentences() {
    }

    /**
     * Picks sentences spread evenly over the corpus, in corpus order, so that short and long ones mix.
     *
     * @param n how many
     * @return {@code n} sentences (fewer if the corpus has fewer)
     */
    static List<String> spread(int n) {
        List<String> all = all();
        List<String> out = new ArrayList<>();
        int k = Math.min(n, all.size());
        for (int i = 0; i < k; i++) {
            out.add(all.get((int) ((long) i * all.size() / k)));
        }
        return out;
    }

    private static List<String> all() {
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        for (String line : Corpus.embedded().text().split("\n")) {
            if (line.startsWith("===")) {
                continue; // an address's title line
            }
            it.setText(line);
            for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String s = line.substring(start, end).strip();
                int words = s.isEmpty() ? 0 : s.split("\\s+").length;
                if (words >= MIN_WORDS && words <= MAX_WORDS) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
