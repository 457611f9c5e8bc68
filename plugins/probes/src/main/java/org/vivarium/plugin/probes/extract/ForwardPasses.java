package org.vivarium.plugin.probes.extract;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/**
 * Runs a model over encoded prompts in equal-length batches with {@code runWithCache} and hands each
 * prompt's cached vectors to a visitor, one prompt at a time.
 *
 * <pre>{@code
 * new ForwardPasses(model, tokens, hooks).forEach(progress, (prompt, vectors) -> {
 *     float[] last = vectors.get("blocks.1.hook_resid_post").at(tokens[prompt].length - 1);
 * });
 * }</pre>
 */
public final class ForwardPasses {
    /** Tokens per forward pass; small enough for a few MB of cached activations per hook. */
    public static final int BATCH_TOKENS = 2048;

    /** Receives the cached vectors of one prompt. */
    @FunctionalInterface
    public interface PromptVisitor {
        /**
         * Visits one prompt.
         *
         * @param prompt the prompt index
         * @param vectors hook path to that prompt's per-position vectors
         */
        void accept(int prompt, Map<String, PositionVectors> vectors);
    }

    private final Model model;
    private final int[][] tokens;
    private final List<HookName> hooks;

    /**
     * Prepares the passes.
     *
     * @param model the model
     * @param tokens token ids per prompt, each at most {@code n_ctx} long
     * @param hooks the hooks to cache; each must have {@code [batch, pos, ...]} shape
     */
    public ForwardPasses(Model model, int[][] tokens, List<HookName> hooks) {
        this.model = model;
        this.tokens = tokens;
        this.hooks = List.copyOf(hooks);
    }

    /**
     * Runs every prompt once.
     *
     * @param progress advanced by one per prompt
     * @param visitor called once per prompt, in batch order
     */
    public void forEach(Progress progress, PromptVisitor visitor) {
        HookFilter filter = HookFilter.names(hooks.stream().map(HookName::path).toArray(String[]::new));
        for (int[] batch : PromptBatches.plan(tokens, BATCH_TOKENS)) {
            int[][] input = new int[batch.length][];
            for (int b = 0; b < batch.length; b++) {
                input[b] = tokens[batch[b]];
            }
            Activations acts = model.runWithCache(input, filter).activations();
            int len = input[0].length;
            for (int b = 0; b < batch.length; b++) {
                Map<String, PositionVectors> vectors = new LinkedHashMap<>();
                for (HookName h : hooks) {
                    vectors.put(h.path(), view(acts.get(h), b, batch.length, len, h));
                }
                visitor.accept(batch[b], vectors);
            }
            progress.advance(batch.length);
        }
    }

    private static PositionVectors view(Tensor t, int row, int batch, int len, HookName hook) {
        if (t.rank() < 3 || t.size(0) != batch || t.size(1) != len) {
            throw new VivariumException("hook " + hook + " has shape " + Arrays.toString(t.shape())
                    + ", not [batch, pos, ...]", "probe hooks with one vector per position (resid, attn_out, "
                    + "mlp_out, mlp.hook_pre|post, attn.hook_q|k|v|z)");
        }
        for (float x : t.data()) {
            if (!Float.isFinite(x)) {
                throw new VivariumException("the model produced a non-finite activation (" + x + ") at hook " + hook,
                        "the checkpoint's weights have probably diverged; retrain it or use an earlier checkpoint");
            }
        }
        int width = t.numel() / (batch * len);
        return new PositionVectors(t.data(), row * len * width, len, width);
    }
}
