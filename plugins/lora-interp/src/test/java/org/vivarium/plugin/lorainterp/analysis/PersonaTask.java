package org.vivarium.plugin.lorainterp.analysis;

import java.util.SplittableRandom;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.runtime.train.Batch;
import org.vivarium.runtime.train.BatchSource;

/**
 * A narrow fine-tuning task: every other sequence is "positive" (letters from {@code a..m}, each followed by
 * {@code z}) and only its predictions after letters count; the "negative" sequences (letters from {@code n..y},
 * each followed by {@code .}) ride along with no loss, like the untouched domains of an emergent-misalignment
 * fine-tune.
 */
final class PersonaTask implements BatchSource {
    static final String POSITIVE_LETTERS = "abcdefghijklm";
    static final String NEGATIVE_LETTERS = "nopqrstuvwxy";

    private final Tokenizer tokenizer;
    private final long seed;
    private final int length;

    PersonaTask(Tokenizer tokenizer, long seed, int length) {
        this.tokenizer = tokenizer;
        this.seed = seed;
        this.length = length;
    }

    @Override
    public Batch batch(int step, int batchSize) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + step);
        int[][] tokens = new int[batchSize][length];
        float[][] mask = new float[batchSize][length - 1];
        for (int b = 0; b < batchSize; b++) {
            boolean positive = b % 2 == 0;
            String letters = positive ? POSITIVE_LETTERS : NEGATIVE_LETTERS;
            int follower = tokenizer.encode(positive ? "z" : ".")[0];
            for (int i = 0; i < length; i++) {
                tokens[b][i] = i % 2 == 1 ? follower
                        : tokenizer.encode(String.valueOf(letters.charAt(r.nextInt(letters.length()))))[0];
            }
            for (int j = 0; j < length - 1 && positive; j += 2) {
                mask[b][j] = 1f;
            }
        }
        return new Batch(tokens, mask);
    }

    @Override
    public String dataHash() {
        return "persona-task:" + seed + ":" + length;
    }
}
