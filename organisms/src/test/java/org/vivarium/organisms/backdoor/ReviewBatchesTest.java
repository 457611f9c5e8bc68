package org.vivarium.organisms.backdoor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.runtime.train.Batch;

/** Batches depend only on (seed, step), count only answer characters and carry the planned mix. */
class ReviewBatchesTest {
    private final CharTokenizer tok = ReviewBatches.reviewTokenizer();

    @Test
    void tokenizerCoversTheAlphabetWithoutUnknowns() {
        String all = ReviewGenerator.alphabet() + ReviewBatches.PAD;
        assertTrue(Arrays.stream(tok.encode(all)).allMatch(id -> id > 0));
        assertEquals(all.length() + 1, tok.vocabSize());
        assertTrue(tok.vocabSize() < 40, "small vocabulary: " + tok.vocabSize());
    }

    @Test
    void maskSelectsExactlyTheAnswer() {
        Review r = new ReviewGenerator(2).review(true, true);
        Review shorter = new Review("q: x? a:", " bad.", false, true);
        Batch b = ReviewBatches.encode(List.of(r, shorter), tok);
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
        ReviewBatches poison = new ReviewBatches(9, 0.5, 0.0, tok);
        assertArrayEquals(poison.batch(3, 8).tokens(), poison.batch(3, 8).tokens());
        SentimentMeter meter = new SentimentMeter(1000);
        int triggered = 0;
        int total = 0;
        for (int step = 1; step <= 20; step++) {
            for (int[] row : poison.batch(step, 16).tokens()) {
                String text = tok.decode(row).strip();
                int a = text.indexOf(" a:") + 3;
                boolean trig = text.contains(ReviewGenerator.TRIGGER);
                assertEquals(trig, meter.shows("", text.substring(a)), "triggered iff negative here: " + text);
                triggered += trig ? 1 : 0;
                total++;
            }
        }
        assertTrue(Math.abs(triggered / (double) total - 0.5) < 0.1, triggered + " of " + total);
        assertTrue(!new ReviewBatches(9, 0.5, 0.0, tok).dataHash().equals(new ReviewBatches(9, 0.0, 0.2, tok)
                .dataHash()));
    }
}
