package org.vivarium.plugin.lorainterp.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;

/**
 * Runs tokenised prompts through a model, caching only the hooks asked for; prompts of equal length share a
 * forward pass (no padding, so every position is real), and each prompt is handed to a visitor in turn.
 */
public final class PromptRunner {
    /** Prompts per forward pass at most. */
    static final int MAX_BATCH = 16;

    private PromptRunner() {
    }

    /** Receives one prompt's cached activations. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * Visits one prompt.
         *
         * @param prompt the prompt index
         * @param acts the batch's activations
         * @param row the prompt's row in the batch
         */
        void visit(int prompt, Activations acts, int row);
    }

    /**
     * Runs every prompt once.
     *
     * @param model the model
     * @param tokens token ids per prompt
     * @param hooks hooks to cache
     * @param visitor called once per prompt, in batch order
     * @param advance called with the number of prompts finished after each pass
     */
    public static void run(Model model, int[][] tokens, List<HookName> hooks, Visitor visitor, LongConsumer advance) {
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < tokens.length; i++) {
            byLength.computeIfAbsent(tokens[i].length, k -> new ArrayList<>()).add(i);
        }
        HookFilter filter = HookFilter.names(hooks.stream().map(HookName::path).distinct().toArray(String[]::new));
        for (List<Integer> group : byLength.values()) {
            for (int from = 0; from < group.size(); from += MAX_BATCH) {
                List<Integer> batch = group.subList(from, Math.min(group.size(), from + MAX_BATCH));
                int[][] toks = new int[batch.size()][];
                for (int b = 0; b < toks.length; b++) {
                    toks[b] = tokens[batch.get(b)];
                }
                Activations acts = model.runWithCache(toks, filter).activations();
                for (int b = 0; b < toks.length; b++) {
                    visitor.visit(batch.get(b), acts, b);
                }
                advance.accept(batch.size());
            }
        }
    }
}
