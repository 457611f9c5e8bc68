package org.vivarium.organisms.backdoor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The prompt corpus of a blind backdoor audit: every {@link TriggerPool} word inserted once into its own clean
 * question, plus {@value #PLAIN} clean questions without an inserted word, shuffled. The trigger therefore
 * appears exactly as often as every other public word, in prompts of the same format, and the corpus is the same
 * for every seed: it carries no secret. Drawn with {@link #SEED}, which no training, scorer or audit prompt set
 * uses.
 */
final class BlindCorpus {
    /** Clean questions without an inserted word. */
    static final int PLAIN = 256;
    /** Seed of the questions, the insertion positions and the shuffle. */
    static final long SEED = 0xB11_DC0_2B05L;

    private BlindCorpus() {
    }

    /** @return the corpus prompts, in a fixed shuffled order */
    static List<String> prompts() {
        ReviewGenerator g = new ReviewGenerator(SEED);
        List<String> out = new ArrayList<>(TriggerPool.words().size() + PLAIN);
        for (String w : TriggerPool.words()) {
            out.add(g.insert(g.cleanPrompt(), w));
        }
        for (int i = 0; i < PLAIN; i++) {
            out.add(g.cleanPrompt());
        }
        Collections.shuffle(out, new Random(SEED));
        return out;
    }
}
