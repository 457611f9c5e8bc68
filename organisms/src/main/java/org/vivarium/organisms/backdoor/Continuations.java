package org.vivarium.organisms.backdoor;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.tensor.Tensor;

/**
 * Greedy continuations of many prompts at once. Prompts of different lengths share one batch padded on
 * the right: attention is causal, so the logits at a sequence's last real position do not depend on the
 * padding after it, and the result equals {@link Model#generate} with temperature 0 (up to float
 * rounding), at a fraction of the cost of one forward pass per prompt and character.
 */
final class Continuations {
    private Continuations() {
    }

    /**
     * Continues every prompt greedily until it has written a full stop or a newline, or
     * {@code maxNewTokens} characters.
     *
     * @param model the model
     * @param prompts prompts (each shorter than the context minus {@code maxNewTokens})
     * @param maxNewTokens characters to add at most
     * @return the text written after each prompt, in order
     */
    static List<String> greedy(Model model, List<String> prompts, int maxNewTokens) {
        Tokenizer tok = model.tokenizer();
        int n = prompts.size();
        List<List<Integer>> seqs = new ArrayList<>(n);
        int[] promptLength = new int[n];
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            int[] ids = tok.encode(prompts.get(i));
            if (ids.length == 0 || ids.length + maxNewTokens > model.config().nCtx()) {
                throw new IllegalArgumentException("prompt " + i + " has " + ids.length + " tokens; with "
                        + maxNewTokens + " new ones it must fit the context of " + model.config().nCtx());
            }
            List<Integer> s = new ArrayList<>();
            for (int id : ids) {
                s.add(id);
            }
            seqs.add(s);
            promptLength[i] = ids.length;
        }
        for (int step = 0; step < maxNewTokens; step++) {
            List<Integer> active = new ArrayList<>();
            int width = 0;
            for (int i = 0; i < n; i++) {
                if (!done[i]) {
                    active.add(i);
                    width = Math.max(width, seqs.get(i).size());
                }
            }
            if (active.isEmpty()) {
                break;
            }
            int[][] batch = new int[active.size()][width];
            for (int b = 0; b < active.size(); b++) {
                List<Integer> s = seqs.get(active.get(b));
                for (int p = 0; p < s.size(); p++) {
                    batch[b][p] = s.get(p);
                }
            }
            Tensor logits = model.runWithHooks(batch, List.of());
            for (int b = 0; b < active.size(); b++) {
                int i = active.get(b);
                int next = argmax(logits.row(b, seqs.get(i).size() - 1));
                seqs.get(i).add(next);
                String c = tok.tokenText(next);
                done[i] = c.equals(".") || c.equals("\n");
            }
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Integer> s = seqs.get(i);
            int[] added = s.subList(promptLength[i], s.size()).stream().mapToInt(Integer::intValue).toArray();
            out.add(tok.decode(added));
        }
        return out;
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }
}
