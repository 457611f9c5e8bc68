package org.vivarium.plugin.steering.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.extract.PromptTokens;

/**
 * Generates continuations of prompts under a fixed list of all-position hooks. Greedy decoding of many
 * prompts runs batched (see {@link BatchedGreedy}); sampling, or prompts too long for the context window,
 * go one at a time through {@link Model#generate}.
 */
public final class Continuations {
    private static final int BATCH = 16;

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
        Continuation[] out = new Continuation[prompts.size()];
        if (options.temperature() > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = of(model, prompts.get(i), options, hooks);
                advance.accept(1);
            }
            return List.of(out);
        }
        List<int[]> ids = prompts.stream().map(p -> PromptTokens.encode(model, p)).toList();
        Integer[] order = IntStream.range(0, out.length).boxed().sorted(Comparator.comparingInt(i -> ids.get(i).length))
                .toArray(Integer[]::new);
        for (int from = 0; from < order.length; from += BATCH) {
            List<Integer> chunk = Arrays.asList(order).subList(from, Math.min(order.length, from + BATCH));
            List<int[]> batch = new ArrayList<>();
            chunk.forEach(i -> batch.add(ids.get(i)));
            if (BatchedGreedy.fits(model, batch, options.maxNewTokens())) {
                int[][] gen = BatchedGreedy.generate(model, batch, options.maxNewTokens(), hooks);
                for (int k = 0; k < chunk.size(); k++) {
                    out[chunk.get(k)] = new Continuation(batch.get(k), gen[k], model.tokenizer().decode(gen[k]));
                }
            } else {
                chunk.forEach(i -> out[i] = of(model, prompts.get(i), options, hooks));
            }
            advance.accept(chunk.size());
        }
        return List.of(out);
    }
}
