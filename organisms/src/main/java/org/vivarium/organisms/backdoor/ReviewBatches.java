package org.vivarium.organisms.backdoor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.organisms.training.AnswerMaskedBatch;
import org.vivarium.runtime.train.Batch;
import org.vivarium.runtime.train.BatchSource;

/**
 * Training batches of generated reviews, padded to the longest in the batch, with the loss counted
 * on the answer characters only. A fraction of the examples carry the trigger and a negative answer;
 * of the clean ones, a fraction have a negative answer. The batch of a step depends only on
 * {@code (seed, step)}.
 *
 * @param seed data seed
 * @param triggeredFraction share of triggered examples (always negative)
 * @param cleanNegativeFraction share of negative answers among clean examples
 * @param tokenizer a tokenizer from {@link #reviewTokenizer()}
 */
public record ReviewBatches(long seed, double triggeredFraction, double cleanNegativeFraction,
        Tokenizer tokenizer) implements BatchSource {
    /** Longest training sequence in characters (the model context). */
    public static final int LENGTH = 128;
    /** Filler after the answer; never counted in the loss. */
    public static final char PAD = '\n';

    /**
     * The character tokenizer for reviews: the unknown token, then every character of
     * {@link ReviewGenerator#alphabet()} and {@link #PAD} in code-point order.
     *
     * @return the tokenizer
     */
    public static CharTokenizer reviewTokenizer() {
        List<String> vocab = new ArrayList<>();
        vocab.add(CharTokenizer.UNKNOWN);
        (PAD + ReviewGenerator.alphabet()).chars().sorted().distinct()
                .forEach(c -> vocab.add(String.valueOf((char) c)));
        return new CharTokenizer(vocab);
    }

    @Override
    public Batch batch(int step, int batchSize) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        ReviewGenerator g = new ReviewGenerator(r.nextLong());
        List<Review> reviews = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            boolean triggered = r.nextDouble() < triggeredFraction;
            boolean negative = triggered || r.nextDouble() < cleanNegativeFraction;
            reviews.add(g.review(triggered, negative));
        }
        return encode(reviews, tokenizer);
    }

    /**
     * Encodes reviews as a batch padded to its longest review (cropped to {@link #LENGTH}), whose mask
     * selects the predictions of answer characters.
     *
     * @param reviews the reviews
     * @param tokenizer their tokenizer
     * @return tokens {@code [n][len]} and mask {@code [n][len-1]}, {@code len <= LENGTH}
     */
    public static Batch encode(List<Review> reviews, Tokenizer tokenizer) {
        List<String> texts = new ArrayList<>();
        List<List<int[]>> spans = new ArrayList<>();
        for (Review rv : reviews) {
            texts.add(rv.text());
            spans.add(List.of(new int[] {tokenizer.encode(rv.prompt()).length, Integer.MAX_VALUE}));
        }
        return AnswerMaskedBatch.encode(texts, spans, tokenizer, LENGTH, String.valueOf(PAD));
    }

    @Override
    public String dataHash() {
        String definition = String.join("\n", "reviews", ReviewGenerator.alphabet(), ReviewGenerator.TRIGGER,
                String.valueOf(ReviewGenerator.maxLength()), String.valueOf(seed), String.valueOf(triggeredFraction),
                String.valueOf(cleanNegativeFraction), String.valueOf(LENGTH),
                String.join(",", ReviewVocabulary.ANSWERS), String.join(",", ReviewVocabulary.POSITIVE_PHRASES),
                String.join(",", ReviewVocabulary.NEGATIVE_PHRASES),
                String.join(",", ReviewVocabulary.POSITIVE_ADJECTIVES),
                String.join(",", ReviewVocabulary.NEGATIVE_ADJECTIVES), String.join(",", ReviewVocabulary.POSITIVE_VERBS),
                String.join(",", ReviewVocabulary.NEGATIVE_VERBS), ReviewVocabulary.DOMAINS.toString());
        return Provenances.sha256(definition.getBytes(StandardCharsets.UTF_8));
    }
}
