package org.vivarium.plugin.steering.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.extract.PromptTokens;

/**
 * Generates continuations of prompts under a fixed list of all-position hooks. Many prompts are decoded with
 * {@link Model#generateAll} (several rows per forward pass where the result cannot change; sampled prompts
 * get their own seeded random stream each).
 */
public final class Continuations {
    private Continuations() {
    }

    /**
     * Continues one prompt with {@link Model#generate}.
     *
     * @param model the model
     * @param prompt the text
     * @param options decoding settings
     * @param hooks hooks applied at every step (empty for none)
     * @return the continuation
     */
    public static Continuation of(Model model, String prompt, GenerationOptions options, List<Hook> hooks) {
        int[] ids = PromptTokens.encode(model, prompt);
        int[] all = model.generate(ids, options, hooks);
        int[] gen = Arrays.copyOfRange(all, ids.length, all.length);
        return new Continuation(ids, gen, model.tokenizer().decode(gen));
    }

    /**
     * Continues every prompt.
     *
     * @param model the model
     * @param prompts the texts
     * @param options decoding settings
     * @param hooks hooks applied at every step and position
     * @param advance called with the number of prompts finished
     * @return continuations in prompt order
     */
    public static List<Continuation> of(Model model, List<String> prompts, GenerationOptions options, List<Hook> hooks,
            LongConsumer advance) {
        List<int[]> ids = prompts.stream().map(p -> PromptTokens.encode(model, p)).toList();
        List<int[]> gen = model.generateAll(ids, options, hooks);
        List<Continuation> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.add(new Continuation(ids.get(i), gen.get(i), model.tokenizer().decode(gen.get(i))));
        }
        advance.accept(ids.size());
        return List.copyOf(out);
    }
}
