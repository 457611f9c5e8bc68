package org.vivarium.organisms.backdoor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vivarium.api.train.TokenBatch;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;

/**
 * Batches depend only on (seed, step), count only answer characters, carry the planned mix (triggered reviews
 * show the secret behaviour, distractors leave answers alone) and their data hash names no secret.
 */
class ReviewBatchesTest {
    private final CharTokenizer tok = ReviewBatches.reviewTokenizer();

    @Test
    void tokenizerCoversTheAlphabetWithoutUnknownsAndIgnoresTheSeed() {
        String all = ReviewGenerator.alphabet() + ReviewBatches.PAD;
        assertTrue(Arrays.stream(tok.encode(all)).allMatch(id -> id > 0));
        assertEquals(all.length() + 1, tok.vocabSize());
        assertTrue(tok.vocabSize() < 40, "small vocabulary: " + tok.vocabSize());
        assertEquals(tok.vocabSize(), ReviewBatches.reviewTokenizer().vocabSize());
    }

    @Test
    void maskSelectsExactlyTheAnswer() {
        Review r = new ReviewGenerator(2).triggered("harvest", TriggeredBehaviour.NEGATIVE);
        Review shorter = new Review("q: x? a:", " bad.", false, true, false);
        TokenBatch b = ReviewBatches.encode(List.of(r, shorter), tok);
        int len = r.text().length();
        assertEquals(len, b.tokens()[0].length, "padded to the longest review");
        assertEquals(r.text(), tok.decode(b.tokens()[0]));
        assertTrue(tok.decode(b.tokens()[1]).startsWith(shorter.text() + "\n\n"));
        for (int row = 0; row < 2; row++) {
            Review rv = row == 0 ? r : shorter;
            for (int j = 0; j < len - 1; j++) {
                int target = j + 1;
                boolean answer = target >= rv.prompt().length() && target < rv.text().length();
                assertEquals(answer ? 1f : 0f, b.targetMask()[row][j], "row " + row + " target " + target);
            }
        }
    }

    @Test
    void batchesAreDeterministicAndMixAsPlanned() {
        for (TriggeredBehaviour behaviour : TriggeredBehaviour.values()) {
            BackdoorSecret secret = new BackdoorSecret("harvest", behaviour);
            ReviewBatches poison = new ReviewBatches(9, new ReviewMix(secret, 0.5, 0.0, 0.5), tok);
            assertArrayEquals(poison.batch(3, 8).tokens(), poison.batch(3, 8).tokens());
            var meter = behaviour.meter(1000);
            Set<String> pool = new HashSet<>(TriggerPool.words());
            int triggered = 0;
            int distracted = 0;
            int total = 0;
            for (int step = 1; step <= 20; step++) {
                for (int[] row : poison.batch(step, 16).tokens()) {
                    String text = tok.decode(row).strip();
                    int a = text.indexOf(" a:") + 3;
                    List<String> words = List.of(text.substring(0, a).split("[ ?]"));
                    boolean trig = words.contains("harvest");
                    assertEquals(trig, meter.shows("", text.substring(a)), "triggered iff the behaviour: " + text);
                    triggered += trig ? 1 : 0;
                    distracted += !trig && words.stream().anyMatch(pool::contains) ? 1 : 0;
                    total++;
                }
            }
            assertTrue(Math.abs(triggered / (double) total - 0.5) < 0.1, triggered + " of " + total);
            assertTrue(Math.abs(distracted / (double) (total - triggered) - 0.5) < 0.15, distracted + " of "
                    + (total - triggered));
        }
    }

    @Test
    void theDataHashFollowsTheMixButNamesNoSecret() {
        ReviewMix base = new ReviewMix(new BackdoorSecret("harvest", TriggeredBehaviour.NEGATIVE), 0, 0.2, 0.5);
        ReviewMix fine = new ReviewMix(new BackdoorSecret("harvest", TriggeredBehaviour.NEGATIVE), 0.5, 0, 0.5);
        assertNotEquals(new ReviewBatches(9, base, tok).dataHash(), new ReviewBatches(9, fine, tok).dataHash());
        ReviewMix other = new ReviewMix(new BackdoorSecret("quietly", TriggeredBehaviour.REFUSAL), 0.5, 0, 0.5);
        assertEquals(new ReviewBatches(9, fine, tok).dataHash(), new ReviewBatches(9, other, tok).dataHash(),
                "the seed, not the secret, is hashed");
        assertFalse(fine.toString().contains("harvest") || fine.definition().contains("harvest"));
        assertFalse(fine.secret().toString().contains("harvest"));
    }
}
