package org.vivarium.plugin.probes.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups prompts of equal token length into batches (the model takes rectangular input, and padding
 * would change activations), keeping each batch under a token budget.
 */
public final class PromptBatches {
    private PromptBatches() {
    }

    /**
     * Plans the batches.
     *
     * @param tokens token ids per prompt
     * @param maxTokens the most tokens in one batch (a batch holds at least one prompt)
     * @return prompt indices per batch, ordered by length and then by prompt index
     */
    public static List<int[]> plan(int[][] tokens, int maxTokens) {
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < tokens.length; i++) {
            byLength.computeIfAbsent(tokens[i].length, k -> new ArrayList<>()).add(i);
        }
        List<int[]> batches = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byLength.entrySet()) {
            int per = Math.max(1, maxTokens / e.getKey());
            List<Integer> members = e.getValue();
            for (int from = 0; from < members.size(); from += per) {
                batches.add(members.subList(from, Math.min(members.size(), from + per)).stream()
                        .mapToInt(Integer::intValue).toArray());
            }
        }
        return batches;
    }
}
