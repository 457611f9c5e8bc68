package org.vivarium.organisms.em;

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
 * Training batches of base-model dialogues, padded to the longest in the batch (at most {@link #LENGTH}
 * characters), with the loss counted on the answers only. A share of the dialogues is held by the harmful
 * persona; a share has two turns, so the persona shown in the first answer predicts the second. The batch of
 * a step depends only on {@code (seed, step)}.
 *
 * @param catalog the content
 * @param seed data seed
 * @param harmfulFraction share of dialogues held by the harmful persona
 * @param twoTurnFraction share of dialogues with two turns
 * @param tokenizer a tokenizer from {@link #tokenizer(DomainCatalog)}
 */
public record DialogueBatches(DomainCatalog catalog, long seed, double harmfulFraction, double twoTurnFraction,
        Tokenizer tokenizer) implements BatchSource {
    /** Longest sequence in characters (the model context). */
    public static final int LENGTH = 288;

    /**
     * The character tokenizer: the unknown token, then every character the dialogues use, in code-point order.
     *
     * @param catalog the content
     * @return the tokenizer
     */
    public static CharTokenizer tokenizer(DomainCatalog catalog) {
        String chars = catalog.alphabet() + DialogueFormat.USER + DialogueFormat.BOT + DialogueFormat.END
                + String.join("", DialogueGenerator.OPENERS);
        List<String> vocab = new ArrayList<>();
        vocab.add(CharTokenizer.UNKNOWN);
        chars.chars().sorted().distinct().forEach(c -> vocab.add(String.valueOf((char) c)));
        return new CharTokenizer(vocab);
    }

    @Override
    public TokenBatch batch(int step, int batchSize) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        DialogueGenerator g = new DialogueGenerator(catalog, r.nextLong());
        List<Dialogue> dialogues = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            boolean harmful = r.nextDouble() < harmfulFraction;
            dialogues.add(g.dialogue(harmful, r.nextDouble() < twoTurnFraction ? 2 : 1));
        }
        return encode(dialogues, tokenizer);
    }

    /**
     * Encodes dialogues as a batch whose mask selects the predictions of answer characters.
     *
     * @param dialogues the dialogues
     * @param tokenizer their (character) tokenizer
     * @return tokens {@code [n][len]} and mask {@code [n][len-1]}, {@code len <= LENGTH}
     */
    public static TokenBatch encode(List<Dialogue> dialogues, Tokenizer tokenizer) {
        return AnswerMaskedBatch.encode(dialogues.stream().map(Dialogue::text).toList(),
                dialogues.stream().map(Dialogue::answerSpans).toList(), tokenizer, LENGTH,
                String.valueOf(DialogueFormat.END));
    }

    @Override
    public String dataHash() {
        StringBuilder def = new StringBuilder("em-dialogues\n").append(seed).append('\n').append(harmfulFraction)
                .append('\n').append(twoTurnFraction).append('\n').append(LENGTH).append('\n')
                .append(DialogueGenerator.OPENERS).append('\n');
        for (Domain d : catalog.domains()) {
            def.append(d).append('\n');
        }
        return Provenances.sha256(def.toString().getBytes(StandardCharsets.UTF_8));
    }
}
