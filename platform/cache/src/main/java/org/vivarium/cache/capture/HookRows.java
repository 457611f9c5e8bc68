package org.vivarium.cache.capture;

import java.util.Arrays;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.tensor.Tensor;

/**
 * Turns one captured hook tensor into cache rows, one row per (sequence, position):
 * <ul>
 *   <li>{@code [batch, pos, width]} rows as they are;</li>
 *   <li>{@code [batch, pos, head, d_head]} (q/k/v/z) rows of {@code head * d_head}, heads concatenated;</li>
 *   <li>{@code [batch, head, q, k]} (pattern, attn_scores) one row per query position of
 *       {@code head * n_ctx}: head {@code h}'s key weights at {@code h * n_ctx + k}, zero past the
 *       sequence end, so widths stay equal across batches.</li>
 * </ul>
 */
final class HookRows {
    private HookRows() {
    }

    /**
     * Returns why a tensor cannot be stored, or null if it can.
     *
     * @param hook the hook
     * @param t the captured tensor
     * @param nCtx the model's context length
     * @return the reason, or null
     */
    static String unsupported(HookName hook, Tensor t, int nCtx) {
        if (isPattern(hook)) {
            return t.rank() == 4 && t.size(3) <= nCtx ? null
                    : "expected [batch, head, q, k] with k <= n_ctx, got " + Arrays.toString(t.shape());
        }
        if (t.rank() == 3 || t.rank() == 4) {
            return null;
        }
        return "shape " + Arrays.toString(t.shape()) + " is not [batch, pos, ...]; the cache stores per-position rows";
    }

    /**
     * Appends the rows of every batch element.
     *
     * @param w the run writer
     * @param hook the hook
     * @param t the captured tensor
     * @param seqs the sequence index of each batch element
     * @param nCtx the model's context length
     */
    static void append(RunWriter w, HookName hook, Tensor t, int[] seqs, int nCtx) {
        if (isPattern(hook)) {
            appendPattern(w, hook.path(), t, seqs, nCtx);
            return;
        }
        int batch = t.size(0);
        int pos = t.size(1);
        int width = t.numel() / (batch * pos);
        float[] data = t.data();
        int per = pos * width;
        for (int b = 0; b < batch; b++) {
            float[] slice = Arrays.copyOfRange(data, b * per, (b + 1) * per);
            w.append(hook.path(), seqs[b], Tensor.of(slice, pos, width));
        }
    }

    private static void appendPattern(RunWriter w, String hook, Tensor t, int[] seqs, int nCtx) {
        int batch = t.size(0);
        int heads = t.size(1);
        int q = t.size(2);
        int k = t.size(3);
        float[] data = t.data();
        float[] row = new float[heads * nCtx];
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < q; p++) {
                Arrays.fill(row, 0f);
                for (int h = 0; h < heads; h++) {
                    System.arraycopy(data, ((b * heads + h) * q + p) * k, row, h * nCtx, k);
                }
                w.append(hook, seqs[b], p, row);
            }
        }
    }

    private static boolean isPattern(HookName hook) {
        String site = hook.site();
        return site.endsWith("hook_pattern") || site.endsWith("hook_attn_scores");
    }
}
