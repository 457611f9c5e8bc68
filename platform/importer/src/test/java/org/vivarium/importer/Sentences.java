package org.vivarium.importer;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.organisms.lm.Corpus;

/** Real English sentences for tests: the State of the Union addresses that ship with the lm organism. */
public final class Sentences {
    private Sentences() {
    }

    /**
     * Every sentence of the embedded corpus with 5 to 60 words.
     *
     * @return the sentences, in corpus order
     */
    public static List<String> all() {
        List<String> out = new ArrayList<>();
        for (String line : Corpus.embedded().text().split("\n")) {
            if (line.startsWith("===")) {
                continue;
            }
            for (String s : line.split("(?<=[.!?])\\s+(?=[A-Z\"'])")) {
                int words = s.trim().split("\\s+").length;
                if (words >= 5 && words <= 60) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /**
     * Picks sentences spread evenly over the corpus (all 34 addresses, 1990-2021).
     *
     * @param n how many
     * @return the sentences
     */
    public static List<String> spread(int n) {
        List<String> all = all();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }
}
