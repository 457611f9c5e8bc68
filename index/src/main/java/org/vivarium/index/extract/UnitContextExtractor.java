package org.vivarium.index.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.context.ContextExtractor;
import org.vivarium.api.context.ContextWindow;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.context.TopPositions;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/**
 * Finds, for every unit of a {@code [batch, pos, width]} hook, its top-activating token positions over a
 * prompt set and returns them as context records ready for the {@link org.vivarium.api.index.ContextIndex}.
 * Units of {@code mlp.hook_post} are indexed as {@code neuron/L<layer>/<unit>}, other hooks as
 * {@code unit/<hook>/<unit>}. Top positions and windows (40 tokens before, 12 after) come from the shared
 * {@link ContextExtractor}, so these contexts read like every other method's.
 *
 * <pre>{@code
 * List<ContextRecord> recs = new UnitContextExtractor(model, "lm", "run-1", 20, 0f)
 *         .extract(prompts, HookName.mlpPost(0), progress);
 * index.add(recs); index.commit();
 * }</pre>
 */
public final class UnitContextExtractor {
    private static final int LEFT = 40;
    private static final int RIGHT = 12;

    private final Model model;
    private final String modelName;
    private final String run;
    private final int topK;
    private final float minActivation;

    /**
     * Configures the extraction.
     *
     * @param model the model
     * @param modelName model name recorded in each context
     * @param run run id recorded in each context
     * @param topK contexts kept per unit
     * @param minActivation contexts at or below this activation are not indexed
     */
    public UnitContextExtractor(Model model, String modelName, String run, int topK, float minActivation) {
        this.model = model;
        this.modelName = modelName;
        this.run = run;
        this.topK = topK;
        this.minActivation = minActivation;
    }

    /**
     * Runs the model over the prompts and collects top contexts per unit.
     *
     * @param prompts prompt texts (each truncated to the model's context, keeping the end)
     * @param hook a hook with shape {@code [batch, pos, width]}
     * @param progress advanced by one per prompt
     * @return the context records, ordered by unit then activation
     */
    public List<ContextRecord> extract(List<String> prompts, HookName hook, Progress progress) {
        if (hook.hasHeads()) {
            throw new VivariumException("hook " + hook + " has a head axis; index units of [batch, pos, width] hooks",
                    "use e.g. blocks.0.mlp.hook_post or blocks.1.hook_resid_post");
        }
        List<TokenText> texts = new ArrayList<>(prompts.size());
        TopPositions tops = null;
        for (int i = 0; i < prompts.size(); i++) {
            int[] t = model.tokenizer().encode(prompts.get(i));
            if (t.length > model.config().nCtx()) {
                t = Arrays.copyOfRange(t, t.length - model.config().nCtx(), t.length);
            }
            texts.add(TokenText.of(model.tokenizer(), t));
            if (t.length == 0) {
                progress.advance(1);
                continue;
            }
            Tensor a = model.runWithCache(new int[][] {t}, HookFilter.names(hook.path())).activations().get(hook);
            int width = a.size(2);
            if (tops == null) {
                tops = new TopPositions(width, topK);
            }
            float[] d = a.data();
            for (int p = 0; p < t.length; p++) {
                int base = p * width;
                for (int u = 0; u < width; u++) {
                    float v = d[base + u];
                    if (v > minActivation) {
                        tops.offer(u, i, p, v);
                    }
                }
            }
            progress.advance(1);
        }
        return records(texts, tops, hook);
    }

    private List<ContextRecord> records(List<TokenText> texts, TopPositions tops, HookName hook) {
        List<ContextRecord> out = new ArrayList<>();
        if (tops == null) {
            return out;
        }
        String prefix = hook.site().equals("mlp.hook_post") ? "neuron/L" + hook.layer() + "/" : "unit/" + hook.path() + "/";
        ContextExtractor extractor = new ContextExtractor(LEFT, RIGHT);
        for (int u = 0; u < tops.features(); u++) {
            for (ContextWindow w : extractor.windows(texts, tops.best(u))) {
                if (w.markable()) {
                    out.add(w.record(prefix + u, modelName, run, hook.path(), Math.max(0, hook.layer())));
                }
            }
        }
        return out;
    }
}
