package org.vivarium.plugin.steering.audit;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * A deterministic half split of a prompt list: even indices fit the direction, odd indices evaluate it.
 * Splitting by index parity keeps prompts that are paired by index across two lists in the same half.
 *
 * @param fit prompts at even indices
 * @param eval prompts at odd indices
 */
public record PromptSplit(List<String> fit, List<String> eval) {
    /** Copies the lists. */
    public PromptSplit {
        fit = List.copyOf(fit);
        eval = List.copyOf(eval);
    }

    /**
     * Splits a list.
     *
     * @param prompts at least two prompts
     * @param what the set's name, for messages
     * @return the halves
     * @throws VivariumException if there are fewer than two prompts
     */
    public static PromptSplit halves(List<String> prompts, String what) {
        if (prompts.size() < 2) {
            throw new VivariumException("the " + what + " prompt set has " + prompts.size()
                    + " prompts; a steering audit needs at least 2", "give the organism's audit data more prompts");
        }
        List<String> fit = new ArrayList<>();
        List<String> eval = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            (i % 2 == 0 ? fit : eval).add(prompts.get(i));
        }
        return new PromptSplit(fit, eval);
    }

    /**
     * Returns the first evaluation prompts.
     *
     * @param max how many at most
     * @return the evaluation prompts, cut to {@code max}
     */
    public List<String> evalUpTo(int max) {
        return eval.subList(0, Math.min(max, eval.size()));
    }
}
