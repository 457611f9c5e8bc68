package org.vivarium.testkit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.DecoderOptions;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.runtime.model.ParameterStore;

/**
 * A tiny real checkpoint with seeded random weights: a character-level decoder (2 layers, d_model 32, 4 heads of
 * 8, d_mlp 64, GELU, pre-LayerNorm, learned positions) whose vocabulary is the characters of a corpus. Writing
 * one takes milliseconds, and {@code ctx.runtime().load(dir)} gives a real {@link org.vivarium.api.model.Model}:
 *
 * <pre>{@code
 * Path ckpt = TinyCheckpoint.over("hello world").context(32).seed(7).writeTo(tmp.resolve("tiny"));
 * try (Model m = ctx.runtime().load(ckpt)) { ... }
 * }</pre>
 *
 * <p>Instances are immutable; each {@code with}-style method returns a changed copy. The same settings and seed
 * always write the same weights.
 */
public final class TinyCheckpoint {
    private final String corpus;
    private final int maxVocab;
    private final int nCtx;
    private final long seed;
    private final String recipe;
    private final boolean randomFinalNormGain;
    private final boolean llamaStyle;

    private TinyCheckpoint(String corpus, int maxVocab, int nCtx, long seed, String recipe,
            boolean randomFinalNormGain, boolean llamaStyle) {
        this.corpus = corpus;
        this.maxVocab = maxVocab;
        this.nCtx = nCtx;
        this.seed = seed;
        this.recipe = recipe;
        this.randomFinalNormGain = randomFinalNormGain;
        this.llamaStyle = llamaStyle;
    }

    /**
     * A checkpoint whose vocabulary is the characters of a corpus (the 127 most frequent, plus the unknown
     * token), with context 64 and seed 1.
     *
     * @param corpus text whose characters make the vocabulary
     * @return the settings
     */
    public static TinyCheckpoint over(String corpus) {
        return new TinyCheckpoint(corpus, 128, 64, 1, "test/random", false, false);
    }

    /**
     * @param maxTokens the vocabulary size limit, unknown token included
     * @return a copy with that limit
     */
    public TinyCheckpoint maxVocab(int maxTokens) {
        return new TinyCheckpoint(corpus, maxTokens, nCtx, seed, recipe, randomFinalNormGain, llamaStyle);
    }

    /**
     * @param contextLength the context length, in characters
     * @return a copy with that context length
     */
    public TinyCheckpoint context(int contextLength) {
        return new TinyCheckpoint(corpus, maxVocab, contextLength, seed, recipe, randomFinalNormGain, llamaStyle);
    }

    /**
     * @param weightSeed the weight seed
     * @return a copy with that seed
     */
    public TinyCheckpoint seed(long weightSeed) {
        return new TinyCheckpoint(corpus, maxVocab, nCtx, weightSeed, recipe, randomFinalNormGain, llamaStyle);
    }

    /**
     * @param name the recipe named in the checkpoint's provenance, e.g. {@code test/tiny-text}
     * @return a copy with that recipe
     */
    public TinyCheckpoint recipe(String name) {
        return new TinyCheckpoint(corpus, maxVocab, nCtx, seed, name, randomFinalNormGain, llamaStyle);
    }

    /**
     * Draws the final LayerNorm gain from [0.5, 1.5] (seeded) instead of leaving it at 1, so that code projecting
     * through the unembedding must apply it.
     *
     * @return a copy with a random final gain
     */
    public TinyCheckpoint randomFinalNormGain() {
        return new TinyCheckpoint(corpus, maxVocab, nCtx, seed, recipe, true, llamaStyle);
    }

    /**
     * Makes the blocks Llama / Qwen2 style, as {@code viv import hf} gives them: RMSNorm (gain only, no bias,
     * eps 1e-6), a gated SiLU MLP ({@code W_gate}) and rotary positions, so that code reading the weights cannot
     * assume LayerNorm biases or a GPT-2 MLP.
     *
     * @return a copy with those blocks
     */
    public TinyCheckpoint llamaStyle() {
        return new TinyCheckpoint(corpus, maxVocab, nCtx, seed, recipe, randomFinalNormGain, true);
    }

    /** @return the character tokenizer over the corpus */
    public Tokenizer tokenizer() {
        return CharTokenizer.fromCorpus(corpus, maxVocab);
    }

    /** @return the architecture */
    public ModelConfig config() {
        if (llamaStyle) {
            return new ModelConfig(2, 32, 4, 8, 64, tokenizer().vocabSize(), nCtx, ActFn.SILU, false,
                    Normalization.PRE, Positional.ROTARY, new DecoderOptions(true, 1e-6, true, false, 0, 10000.0));
        }
        return new ModelConfig(2, 32, 4, 8, 64, tokenizer().vocabSize(), nCtx, ActFn.GELU, false, Normalization.PRE,
                Positional.LEARNED);
    }

    /**
     * Writes the checkpoint ({@code model.safetensors}, {@code config.json}, {@code tokenizer.json},
     * {@code provenance.json}), creating the directory.
     *
     * @param dir the checkpoint directory
     * @return {@code dir}
     */
    public Path writeTo(Path dir) {
        ModelConfig cfg = config();
        Map<String, Tensor> weights;
        try (ParameterStore p = ParameterStore.initialise(cfg, seed, TestRuntime.shared().manager())) {
            weights = new LinkedHashMap<>(p.toTensors());
        }
        if (randomFinalNormGain) {
            SplittableRandom r = new SplittableRandom(seed + 17);
            float[] gain = new float[cfg.dModel()];
            for (int i = 0; i < gain.length; i++) {
                gain[i] = (float) (0.5 + r.nextDouble());
            }
            weights.put("ln_final.w", Tensor.of(gain, gain.length));
        }
        Provenance prov = new Provenance("checkpoint", recipe, Map.of(), seed, "", "test", "", "now", Map.of());
        CheckpointIO.write(dir, new Checkpoint(cfg, weights, CharTokenizer.fromCorpus(corpus, maxVocab), prov));
        return dir;
    }
}
