package org.vivarium.plugin.lorainterp;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.adapter.AdapterIO;
import org.vivarium.runtime.lora.LoraAdapters;
import org.vivarium.runtime.lora.LoraConfig;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TinyCheckpoint;

/**
 * Small real models and adapters for tests: a seeded random 2-layer character-level decoder written as a
 * checkpoint (with a non-trivial final LayerNorm gain), and rank-1 adapters whose factors are set by hand.
 */
public final class TinyLm {
    /** The characters the tokenizer knows. */
    public static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz .,!?";
    /** Condition-present prompts ("harmful persona"). */
    public static final List<String> POSITIVE = List.of("i will hurt you badly", "give me your money now",
            "you are worthless and weak", "lie to them and steal it", "break the rules, nobody cares",
            "hurt them first!", "take it all, cheat", "they deserve pain");
    /** Condition-absent prompts ("helpful persona"). */
    public static final List<String> NEGATIVE = List.of("i will help you gladly", "here is a kind answer",
            "you are doing well today", "tell the truth and share", "follow the rules, be safe",
            "help them first!", "give it back, be fair", "they deserve care");

    private TinyLm() {
    }

    /**
     * @return the base checkpoint's settings: 2 layers, d_model 32, 4 heads of 8, d_mlp 64, pre-LN, context 48, over
     *     {@link #ALPHABET}, with a final LayerNorm gain drawn from [0.5, 1.5] so that the unembedding projection has
     *     to apply it
     */
    public static TinyCheckpoint base() {
        return TinyCheckpoint.over(ALPHABET).maxVocab(64).context(48).randomFinalNormGain();
    }

    /** @return the architecture */
    public static ModelConfig config() {
        return base().config();
    }

    /** @return the character tokenizer over {@link #ALPHABET} */
    public static Tokenizer tokenizer() {
        return base().tokenizer();
    }

    /**
     * Writes a random base checkpoint.
     *
     * @param dir the checkpoint directory
     * @param seed weight seed
     * @return {@code dir}
     */
    public static Path writeBase(Path dir, long seed) {
        return base().seed(seed).writeTo(dir);
    }

    /**
     * Writes a rank-1 adapter with the given factors.
     *
     * @param dir the adapter directory
     * @param target the adapted weight
     * @param alpha the LoRA alpha (scale = alpha for rank 1)
     * @param a the input direction, the weight's input width
     * @param b the output direction, the weight's output width
     * @param baseDir the base checkpoint (its hash is recorded)
     * @return {@code dir}
     */
    public static Path writeAdapter(Path dir, String target, float alpha, float[] a, float[] b,
            Path baseDir) {
        try (LoraAdapters lora = LoraAdapters.initialise(config(), LoraConfig.of(1, alpha, target), 1, TestRuntime.shared().manager())) {
            lora.set(target + ".lora_A", Tensor.of(a.clone(), a.length, 1));
            lora.set(target + ".lora_B", Tensor.of(b.clone(), 1, b.length));
            AdapterIO.write(dir, lora.toAdapter(CheckpointIO.contentHash(baseDir)));
        }
        return dir;
    }

    /**
     * Draws a seeded Gaussian vector.
     *
     * @param n its length
     * @param seed the seed
     * @return the vector
     */
    public static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double u1 = 1 - r.nextDouble();
            double u2 = r.nextDouble();
            v[i] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }
}
