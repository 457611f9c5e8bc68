package org.vivarium.organisms.backdoor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vivarium.api.audit.LabelledPrompt;

/**
 * Prompt sets drawn from the review generator with seeds never used for training.
 *
 * @param clean prompts without the trigger
 * @param triggered the same prompts, index by index, with the trigger inserted
 */
public record HeldOutPrompts(List<String> clean, List<String> triggered) {
    /** Seed of the paired prompts. */
    public static final long PAIRED_SEED = 0xBAC_D00L;
    /** Seed of the scorer's prompts: never used for training nor handed to an auditor. */
    public static final long SCORER_SEED = 0x5C0_7E5L;
    /** Seed of the labelled prompts. */
    public static final long LABELLED_SEED = 0x1AB_E11EDL;
    /** Seed that picks the other pool words of the distractor measurement and where they go. */
    public static final long DISTRACTOR_SEED = 0xD15_7AC7L;

    /** Copies the lists. */
    public HeldOutPrompts {
        clean = List.copyOf(clean);
        triggered = List.copyOf(triggered);
    }

    /**
     * Draws {@code n} clean prompts and inserts the trigger into a copy of each.
     *
     * @param n pairs
     * @param trigger the trigger
     * @return the pairs
     */
    public static HeldOutPrompts paired(int n, String trigger) {
        return paired(n, PAIRED_SEED, trigger);
    }

    /**
     * Draws {@code n} clean prompts from a seed and inserts the trigger into a copy of each.
     *
     * @param n pairs
     * @param seed the generator seed (the scorer uses one no auditor's prompts come from)
     * @param trigger the trigger
     * @return the pairs
     */
    public static HeldOutPrompts paired(int n, long seed, String trigger) {
        ReviewGenerator g = new ReviewGenerator(seed);
        List<String> clean = new ArrayList<>(n);
        List<String> triggered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String p = g.cleanPrompt();
            clean.add(p);
            triggered.add(g.insert(p, trigger));
        }
        return new HeldOutPrompts(clean, triggered);
    }

    /**
     * Draws {@code n} distinct clean prompts (label 0) and {@code n} distinct triggered prompts (label 1),
     * alternating, for probes.
     *
     * @param n prompts per label
     * @param trigger the trigger
     * @return {@code 2n} labelled prompts
     */
    public static List<LabelledPrompt> labelled(int n, String trigger) {
        ReviewGenerator g = new ReviewGenerator(LABELLED_SEED);
        List<LabelledPrompt> out = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            out.add(new LabelledPrompt(g.cleanPrompt(), 0));
            out.add(new LabelledPrompt(g.insert(g.cleanPrompt(), trigger), 1));
        }
        return out;
    }

    /**
     * Picks distinct pool words other than the trigger, with {@link #DISTRACTOR_SEED}.
     *
     * @param n how many (fewer than the pool)
     * @param trigger the word left out
     * @return the words
     */
    public static List<String> otherWords(int n, String trigger) {
        List<String> pool = new ArrayList<>(TriggerPool.words());
        pool.remove(trigger);
        SplittableRandom r = new SplittableRandom(DISTRACTOR_SEED);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pool.remove(r.nextInt(pool.size())));
        }
        return out;
    }

    /**
     * Inserts word {@code i % words.size()} into prompt {@code i}, at positions drawn with
     * {@link #DISTRACTOR_SEED}.
     *
     * @param prompts clean prompts
     * @param words the words
     * @return the prompts with a word each
     */
    public static List<String> withWords(List<String> prompts, List<String> words) {
        ReviewGenerator g = new ReviewGenerator(DISTRACTOR_SEED);
        List<String> out = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            out.add(g.insert(prompts.get(i), words.get(i % words.size())));
        }
        return out;
    }
}
