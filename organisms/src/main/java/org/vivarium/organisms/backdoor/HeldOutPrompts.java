package org.vivarium.organisms.backdoor;

import java.util.ArrayList;
import java.util.List;
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

    /** Copies the lists. */
    public HeldOutPrompts {
        clean = List.copyOf(clean);
        triggered = List.copyOf(triggered);
    }

    /**
     * Draws {@code n} clean prompts and inserts the trigger into a copy of each.
     *
     * @param n pairs
     * @return the pairs
     */
    public static HeldOutPrompts paired(int n) {
        return paired(n, PAIRED_SEED);
    }

    /**
     * Draws {@code n} clean prompts from a seed and inserts the trigger into a copy of each.
     *
     * @param n pairs
     * @param seed the generator seed (the scorer uses one no auditor's prompts come from)
     * @return the pairs
     */
    public static HeldOutPrompts paired(int n, long seed) {
        ReviewGenerator g = new ReviewGenerator(seed);
        List<String> clean = new ArrayList<>(n);
        List<String> triggered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String p = g.cleanPrompt();
            clean.add(p);
            triggered.add(g.insertTrigger(p));
        }
        return new HeldOutPrompts(clean, triggered);
    }

    /**
     * Draws {@code n} distinct clean prompts (label 0) and {@code n} distinct triggered prompts (label 1),
     * alternating, for probes.
     *
     * @param n prompts per label
     * @return {@code 2n} labelled prompts
     */
    public static List<LabelledPrompt> labelled(int n) {
        ReviewGenerator g = new ReviewGenerator(LABELLED_SEED);
        List<LabelledPrompt> out = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            out.add(new LabelledPrompt(g.cleanPrompt(), 0));
            out.add(new LabelledPrompt(g.insertTrigger(g.cleanPrompt()), 1));
        }
        return out;
    }
}
