package org.vivarium.plugin.latentqa.blind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * Samples a model's answers to prompts, several per prompt, with one seeded random stream per answer (so a run
 * repeats), and keeps each answer's first tokens after the prompt as the context the decoder reads: a prompt alone
 * does not determine a sampled answer, its start carries the state (persona, behaviour) the answer is in. Each
 * answer's start is cut at {@link SelfLabelSettings#fitCuts()} lengths evenly up to
 * {@link SelfLabelSettings#answerTokens()} (the fit part trains on every cut; reading uses the longest).
 */
public final class Sampler {
    private final GenerationOptions options;
    private final int perPrompt;
    private final int answerTokens;
    private final int cuts;

    /**
     * Creates a sampler.
     *
     * @param target the target's decoding settings (length and seed are kept)
     * @param perPrompt answers per prompt
     * @param s the temperature and answer tokens
     */
    public Sampler(GenerationOptions target, int perPrompt, SelfLabelSettings s) {
        this(target.maxNewTokens(), target.seed(), perPrompt, s);
    }

    private Sampler(int maxNewTokens, long seed, int perPrompt, SelfLabelSettings s) {
        this.options = new GenerationOptions(maxNewTokens, s.temperature(), 0, seed);
        this.perPrompt = perPrompt;
        this.answerTokens = s.answerTokens();
        this.cuts = s.fitCuts();
    }

    /**
     * Samples.
     *
     * @param model the model that answers
     * @param prompts the prompts
     * @param progress advanced by one per answer
     * @return {@code perPrompt} samples per prompt, prompt by prompt
     */
    public List<Sample> sample(Model model, List<String> prompts, Progress progress) {
        List<String> asked = new ArrayList<>();
        List<int[]> encoded = new ArrayList<>();
        for (String p : prompts) {
            int[] ids = model.tokenizer().encode(p);
            for (int s = 0; s < perPrompt; s++) {
                asked.add(p);
                encoded.add(ids);
            }
        }
        List<Sample> out = new ArrayList<>();
        List<int[]> answers = model.generateAll(encoded, options, List.of());
        for (int i = 0; i < answers.size(); i++) {
            int[] a = answers.get(i);
            String p = asked.get(i);
            List<String> contexts = new ArrayList<>();
            for (int c = 1; c <= cuts; c++) {
                int n = Math.min(a.length, answerTokens * c / cuts);
                String ctx = p + model.tokenizer().decode(Arrays.copyOf(a, n));
                if (contexts.isEmpty() || !contexts.get(contexts.size() - 1).equals(ctx)) {
                    contexts.add(ctx);
                }
            }
            out.add(new Sample(p, model.tokenizer().decode(a), contexts));
            progress.advance(1);
        }
        return out;
    }

    /**
     * A sampler that generates only the answer start the decoder reads (for a model whose answers no meter judges);
     * with the same seed, a sampled start equals the start of the full answer.
     *
     * @return the sampler, answers cut at {@link SelfLabelSettings#answerTokens()} tokens
     */
    public Sampler startsOnly() {
        return new Sampler(Math.min(options.maxNewTokens(), answerTokens), options.seed(), perPrompt,
                new SelfLabelSettings(1, 1, answerTokens, cuts, options.temperature(), 1));
    }

    /** @return answers per prompt */
    public int perPrompt() {
        return perPrompt;
    }
}
