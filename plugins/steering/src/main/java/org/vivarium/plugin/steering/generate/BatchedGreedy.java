package org.vivarium.plugin.steering.generate;

import java.util.Arrays;
import java.util.List;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/**
 * Greedy decoding of several prompts in one forward pass per step. Rows are right-padded to a common
 * length; because attention is causal and positions are absolute, a row's logits at its own last token do
 * not depend on the padding after it, so each row continues exactly as it would alone (up to
 * floating-point rounding of batched kernels). Only valid while every row fits the context window, and only
 * for hooks that apply at every position.
 */
final class BatchedGreedy {
    private BatchedGreedy() {
    }

    /**
     * Returns whether a batch fits: the longest prompt plus the new tokens within {@code n_ctx}.
     *
     * @param model the model
     * @param prompts token ids
     * @param maxNew tokens to add
     * @return true if {@link #generate} applies
     */
    static boolean fits(Model model, List<int[]> prompts, int maxNew) {
        int longest = prompts.stream().mapToInt(p -> p.length).max().orElse(0);
        return longest + maxNew <= model.config().nCtx();
    }

    /**
     * Continues every prompt greedily.
     *
     * @param model the model
     * @param prompts token ids, non-empty each
     * @param maxNew tokens to add to each
     * @param hooks hooks applied at every step (all positions)
     * @return the new tokens of each prompt, in order
     */
    static int[][] generate(Model model, List<int[]> prompts, int maxNew, List<Hook> hooks) {
        int b = prompts.size();
        int[] len = new int[b];
        int longest = 0;
        for (int i = 0; i < b; i++) {
            len[i] = prompts.get(i).length;
            longest = Math.max(longest, len[i]);
        }
        int[][] seq = new int[b][longest + maxNew];
        for (int i = 0; i < b; i++) {
            System.arraycopy(prompts.get(i), 0, seq[i], 0, len[i]);
        }
        int[][] out = new int[b][maxNew];
        for (int step = 0; step < maxNew; step++) {
            int width = Arrays.stream(len).max().orElseThrow();
            int[][] window = new int[b][];
            for (int i = 0; i < b; i++) {
                window[i] = Arrays.copyOf(seq[i], width);
            }
            Tensor logits = model.run(window, hooks, HookFilter.NONE).logits();
            for (int i = 0; i < b; i++) {
                int next = argmax(logits, i, len[i] - 1);
                seq[i][len[i]++] = next;
                out[i][step] = next;
            }
        }
        return out;
    }

    private static int argmax(Tensor logits, int row, int pos) {
        float[] l = logits.row(row, pos);
        int best = 0;
        for (int i = 1; i < l.length; i++) {
            if (l[i] > l[best]) {
                best = i;
            }
        }
        return best;
    }
}
