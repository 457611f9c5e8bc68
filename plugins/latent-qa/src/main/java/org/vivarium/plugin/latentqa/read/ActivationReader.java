package org.vivarium.plugin.latentqa.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/**
 * Reads a subject model's activation at one hook and the last token of each prompt (the prompt's last
 * {@code n_ctx} tokens when it is longer), one prompt per forward pass so no padding is needed. Results are
 * memoised per prompt, so asking several questions about the same prompts reads each once.
 *
 * <pre>{@code
 * ActivationReader r = new ActivationReader(model, ReadSite.residPost(model.config(), -1));
 * float[] v = r.read("user: how do i save money?\nbot:");
 * }</pre>
 */
public final class ActivationReader {
    private final Model model;
    private final HookName hook;
    private final Map<String, float[]> memo = new LinkedHashMap<>();

    /**
     * Creates a reader.
     *
     * @param model the subject model (not closed by the reader)
     * @param hook the hook to read, e.g. {@code blocks.1.hook_resid_post}
     * @throws VivariumException if the model has no such hook
     */
    public ActivationReader(Model model, String hook) {
        this.model = model;
        this.hook = HookName.parse(hook, model.config());
    }

    /** @return the hook read */
    public String hook() {
        return hook.path();
    }

    /**
     * Reads one prompt's last-token activation.
     *
     * @param prompt the text
     * @return the activation, of the hook's width
     * @throws VivariumException if the prompt is empty
     */
    public float[] read(String prompt) {
        float[] cached = memo.get(prompt);
        if (cached != null) {
            return cached.clone();
        }
        int[] ids = model.tokenizer().encode(prompt);
        if (ids.length == 0) {
            throw new VivariumException("cannot read an activation of an empty prompt", "give every prompt some text");
        }
        int nCtx = model.config().nCtx();
        int[] window = ids.length > nCtx ? Arrays.copyOfRange(ids, ids.length - nCtx, ids.length) : ids;
        Tensor act = model.run(new int[][] {window}, List.of(), HookFilter.names(hook.path())).activations()
                .get(hook);
        float[] v = act.row(0, window.length - 1);
        memo.put(prompt, v);
        return v.clone();
    }

    /**
     * Reads many prompts.
     *
     * @param prompts the texts
     * @param progress advanced by one per prompt
     * @return one activation per prompt, in order
     */
    public List<float[]> readAll(List<String> prompts, Progress progress) {
        List<float[]> out = new ArrayList<>(prompts.size());
        for (String p : prompts) {
            out.add(read(p));
            progress.advance(1);
        }
        return out;
    }
}
