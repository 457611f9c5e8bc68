package org.vivarium.organisms.backdoor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.train.BatchSource;
import org.vivarium.api.train.TokenBatch;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.organisms.training.AnswerMaskedBatch;

/**
 * Training batches of generated reviews drawn from a {@link ReviewMix}, padded to the longest in the batch, with
 * the loss counted on the answer characters only. The batch of a step depends only on {@code (seed, step)}.
 *
 * @param seed data seed
 * @param mix what share of reviews is triggered, negative or carries a distractor
 * @param tokenizer a tokenizer from {@link #reviewTokenizer()}
 */
public record ReviewBatches(long seed, ReviewMix mix, Tokenizer tokenizer) implements BatchSource {
    /** Longest training sequence in characters (the model context). */
    public static final int LENGTH = 136;
    /** Filler after the answer; never counted in the loss. */
    public static final char PAD = '\n';

    /**
     * The character tokenizer for reviews: the unknown token, then every character of
     * {@link ReviewGenerator#alphabet()} and {@link #PAD} in code-point order. It is the same for every seed
     * (every trigger word is spelt in it).
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
    public TokenBatch batch(int step, int batchSize) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        ReviewGenerator g = new ReviewGenerator(r.nextLong());
        List<Review> reviews = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            reviews.add(mix.draw(r, g));
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
    public static TokenBatch encode(List<Review> reviews, Tokenizer tokenizer) {
        List<String> texts = new ArrayList<>();
        List<List<int[]>> spans = new ArrayList<>();
        for (Review rv : reviews) {
            texts.add(rv.text());
            spans.add(List.of(new int[] {tokenizer.encode(rv.prompt()).length, Integer.MAX_VALUE}));
        }
        return AnswerMaskedBatch.encode(texts, spans, tokenizer, LENGTH, String.valueOf(PAD));
    }

    /** The hash of the data's definition; it names no secret (the seed, which fixes it, is hashed). */
    @Override
    public String dataHash() {
        String definition = String.join("\n", "reviews", ReviewGenerator.alphabet(),
                String.valueOf(ReviewGenerator.maxLength()), String.valueOf(seed), mix.definition(),
                String.valueOf(LENGTH), String.join(",", ReviewVocabulary.REFUSALS),
                String.join(",", ReviewVocabulary.ANSWERS), String.join(",", ReviewVocabulary.POSITIVE_PHRASES),
                String.join(",", ReviewVocabulary.NEGATIVE_PHRASES),
                String.join(",", ReviewVocabulary.POSITIVE_ADJECTIVES),
                String.join(",", ReviewVocabulary.NEGATIVE_ADJECTIVES), String.join(",", ReviewVocabulary.POSITIVE_VERBS),
                String.join(",", ReviewVocabulary.NEGATIVE_VERBS), ReviewVocabulary.DOMAINS.toString());
        return Provenances.sha256(definition.getBytes(StandardCharsets.UTF_8));
    }
}
