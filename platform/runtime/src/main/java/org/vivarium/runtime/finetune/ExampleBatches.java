package org.vivarium.runtime.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.train.Injection;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.runtime.train.Batch;
import org.vivarium.runtime.train.BatchSource;
import org.vivarium.runtime.train.RowInjection;

/**
 * Supervised fine-tuning batches: each step samples examples with replacement from a RNG seeded by
 * {@code (seed, step)}, right-pads the rows to the longest one (padding id 0) and masks every prediction except
 * those of completion tokens, so the loss is the completion's negative log-likelihood given the prompt. Each row
 * carries its example's injections ({@link RowInjection}, positions unchanged by the right padding).
 *
 * <pre>{@code
 * ExampleBatches data = ExampleBatches.of(examples, ck.tokenizer(), ck.config().nCtx(), seed);
 * Batch b = data.batch(1, 8);   // the same rows for the same seed and step, on every machine
 * }</pre>
 */
final class ExampleBatches implements BatchSource {
    /** Token id used to pad short rows; padded positions never count towards the loss. */
    static final int PAD = 0;

    private final List<EncodedExample> examples;
    private final long seed;
    private final String dataHash;

    private ExampleBatches(List<EncodedExample> examples, long seed, String dataHash) {
        this.examples = List.copyOf(examples);
        this.seed = seed;
        this.dataHash = dataHash;
    }

    /**
     * Encodes every example up front, so a bad one fails before training starts.
     *
     * @param examples the training data
     * @param tokenizer the base checkpoint's tokenizer
     * @param nCtx the model's context length
     * @param seed the sampling seed
     * @return the batch source
     * @throws org.vivarium.api.VivariumException naming the first example that cannot be used
     */
    static ExampleBatches of(List<TrainingExample> examples, Tokenizer tokenizer, int nCtx, long seed) {
        List<EncodedExample> enc = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            enc.add(EncodedExample.encode(examples.get(i), i, tokenizer, nCtx));
        }
        return new ExampleBatches(enc, seed, FineTuneProvenance.dataHash(examples));
    }

    /** @return the encoded examples, in request order */
    List<EncodedExample> examples() {
        return examples;
    }

    @Override
    public Batch batch(int step, int batchSize) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + step);
        EncodedExample[] rows = new EncodedExample[batchSize];
        int len = 0;
        for (int b = 0; b < batchSize; b++) {
            rows[b] = examples.get(rnd.nextInt(examples.size()));
            len = Math.max(len, rows[b].length());
        }
        int[][] tokens = new int[batchSize][len];
        float[][] mask = new float[batchSize][len - 1];
        List<RowInjection> injections = new ArrayList<>();
        for (int b = 0; b < batchSize; b++) {
            EncodedExample e = rows[b];
            for (Injection in : e.injections()) {
                injections.add(new RowInjection(b, in.hook(), in.position(), in.vector()));
            }
            System.arraycopy(e.tokens(), 0, tokens[b], 0, e.length());
            for (int t = e.length(); t < len; t++) {
                tokens[b][t] = PAD;
            }
            for (int j = e.firstTarget() - 1; j < e.length() - 1; j++) {
                mask[b][j] = 1f; // position j predicts completion token j + 1
            }
        }
        return new Batch(tokens, mask, injections);
    }

    @Override
    public String dataHash() {
        return dataHash;
    }
}
