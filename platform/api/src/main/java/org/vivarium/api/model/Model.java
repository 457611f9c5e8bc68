package org.vivarium.api.model;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;

/**
 * A loaded transformer whose every intermediate is reachable through TransformerLens-named hooks.
 *
 * <pre>{@code
 * try (Model m = runtime.load(Path.of("runs/induction"))) {
 *     int[][] toks = {m.tokenizer().encode("a b c a b")};
 *     RunResult clean = m.runWithCache(toks, HookFilter.ALL);
 *     Tensor logits = m.runWithHooks(toks, List.of(Hook.zeroAblate(HookName.attn(1, "z")).onHeads(0)));
 * }
 * }</pre>
 *
 * <p>Implementations are thread-confined: use one model from one thread at a time.
 */
@ProviderType
public interface Model extends AutoCloseable {

    /** @return the architecture */
    ModelConfig config();

    /** @return the tokenizer shipped with the checkpoint */
    Tokenizer tokenizer();

    /** @return where the weights came from (recipe, seed, data hash, parent) */
    Provenance provenance();

    /** @return every valid hook point of this model, in forward order */
    default List<HookName> hookNames() {
        return HookName.allFor(config());
    }

    /**
     * Runs a forward pass with hooks and caching.
     *
     * @param tokens {@code [batch][pos]} token ids, all rows the same length, at most {@code n_ctx}
     * @param hooks operations applied in list order at their hook points
     * @param cache which hook points to capture (after hooks have been applied)
     * @return logits and captured activations
     * @throws org.vivarium.api.VivariumException for ragged or out-of-range tokens, or hooks whose
     *     name or shape does not fit this model
     */
    RunResult run(int[][] tokens, List<Hook> hooks, HookFilter cache);

    /**
     * Runs and caches, with no hooks ({@code run_with_cache}).
     *
     * @param tokens {@code [batch][pos]} token ids
     * @param cache which hook points to capture
     * @return logits and activations
     */
    default RunResult runWithCache(int[][] tokens, HookFilter cache) {
        return run(tokens, List.of(), cache);
    }

    /**
     * Runs with hooks and returns logits ({@code run_with_hooks}).
     *
     * @param tokens {@code [batch][pos]} token ids
     * @param hooks the hooks
     * @return logits {@code [batch, pos, d_vocab]}
     */
    default Tensor runWithHooks(int[][] tokens, List<Hook> hooks) {
        return run(tokens, hooks, HookFilter.NONE).logits();
    }

    /**
     * Runs one forward and one backward pass and returns, at the selected hook points, the gradient of a metric of
     * the logits with respect to each activation (TransformerLens' {@code _grad} hooks; what attribution patching
     * needs). The gradient is taken with respect to the activation after that point's hooks, so
     * {@code (a_other - a) . grad} is the first-order change of the metric when the activation is replaced.
     *
     * <pre>{@code
     * GradientResult g = model.runWithGradients(clean, List.of(), HookFilter.glob("blocks.*.attn.hook_z"),
     *         metric::gradient);
     * Tensor dz = g.gradients().get("blocks.1.attn.hook_z"); // [batch, pos, head, d_head]
     * }</pre>
     *
     * @param tokens {@code [batch][pos]} token ids
     * @param hooks operations applied during the pass, as in {@link #run}
     * @param at hook points whose activations and gradients are returned
     * @param metric the derivative of the metric with respect to the logits
     * @return logits, activations and gradients
     * @throws org.vivarium.api.VivariumException if this model cannot compute gradients, or for the inputs
     *     {@link #run} refuses, or if {@code metric} returns a tensor of the wrong shape
     */
    default GradientResult runWithGradients(int[][] tokens, List<Hook> hooks, HookFilter at, LogitGradient metric) {
        throw new org.vivarium.api.VivariumException(getClass().getSimpleName() + " does not compute gradients",
                "load the model with the default DJL runtime, which supports runWithGradients");
    }

    /**
     * Continues a prompt autoregressively, applying the hooks at every step.
     *
     * @param prompt token ids
     * @param options length, temperature, top-k and seed
     * @param hooks hooks applied at every forward pass (positions refer to the growing sequence)
     * @return prompt plus new tokens
     */
    int[] generate(int[] prompt, GenerationOptions options, List<Hook> hooks);

    /**
     * Continues many prompts, several per forward pass where that cannot change the result (see
     * {@link BatchedDecoding}): rows are right-padded into one causal pass per step when the longest prompt
     * plus the new tokens fits {@code n_ctx} and every hook acts at every position independently; otherwise
     * prompts go one at a time through {@link #generate}. Greedy when {@code options.temperature() == 0};
     * otherwise temperature and top-k sampling with one random stream per prompt, seeded by
     * {@link BatchedDecoding#rowSeed(long, int) rowSeed(options.seed(), index)}, so a prompt's continuation
     * does not depend on which prompts are decoded with it.
     *
     * <pre>{@code
     * List<int[]> answers = model.generateAll(prompts, GenerationOptions.greedy(32), List.of());
     * }</pre>
     *
     * @param prompts token ids, each non-empty
     * @param options length, temperature, top-k and seed
     * @param hooks hooks applied at every forward pass
     * @return each prompt's new tokens only, in prompt order
     * @throws org.vivarium.api.VivariumException if a prompt is empty
     */
    default List<int[]> generateAll(List<int[]> prompts, GenerationOptions options, List<Hook> hooks) {
        return BatchedDecoding.generate(this, prompts, options, hooks);
    }

    /**
     * Returns the mean next-token cross-entropy loss of each sequence.
     *
     * @param tokens {@code [batch][pos]} token ids
     * @param hooks hooks applied during the pass
     * @return per-sequence mean loss, in nats
     */
    float[] loss(int[][] tokens, List<Hook> hooks);

    /**
     * Returns named weights, TransformerLens state-dict names ({@code embed.W_E},
     * {@code blocks.0.attn.W_Q} {@code [n_heads, d_model, d_head]}, {@code unembed.W_U}, ...).
     *
     * @return a copy of every parameter
     */
    Map<String, Tensor> weights();

    /** Frees native memory; the model cannot be used afterwards. */
    @Override
    void close();
}
