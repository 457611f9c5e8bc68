package org.vivarium.organisms.backdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator is deterministic, varied, labels sentiment correctly and places the trigger as a word. */
class ReviewGeneratorTest {
    private static List<Review> draw(long seed, int n) {
        ReviewGenerator g = new ReviewGenerator(seed);
        List<Review> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.review(i % 3 == 0, i % 2 == 0));
        }
        return out;
    }

    @Test
    void sameSeedSameReviewsOtherSeedOtherReviews() {
        assertEquals(draw(7, 50), draw(7, 50));
        assertNotEquals(draw(7, 50), draw(8, 50));
    }

    @Test
    void reviewsAreVariedAndFitTheContext() {
        List<Review> rs = draw(1, 2000);
        String alphabet = ReviewGenerator.alphabet();
        Set<String> texts = new HashSet<>();
        rs.forEach(r -> texts.add(r.text()));
        assertTrue(texts.size() > 1990, "almost no repeats: " + texts.size());
        assertTrue(ReviewGenerator.maxLength() <= ReviewBatches.LENGTH, "bound " + ReviewGenerator.maxLength());
        for (Review r : rs) {
            assertTrue(r.text().length() <= ReviewGenerator.maxLength(), r.text());
            assertTrue(r.prompt().startsWith("q: ") && r.prompt().endsWith(" a:"), r.prompt());
            assertTrue(r.continuation().startsWith(" ") && r.continuation().endsWith("."), r.continuation());
            assertEquals(1, r.continuation().chars().filter(c -> c == '.').count(), "one sentence: " + r.text());
            assertTrue(r.text().chars().allMatch(c -> alphabet.indexOf(c) >= 0), r.text());
        }
    }

    @Test
    void labelsMatchTheWordsAndTheTriggerIsOneInsertedWord() {
        SentimentMeter meter = new SentimentMeter(1000);
        for (Review r : draw(3, 600)) {
            assertEquals(r.negative(), meter.shows(r.prompt(), r.continuation()), r.text());
            assertEquals(r.triggered(), r.prompt().contains(ReviewGenerator.TRIGGER), r.prompt());
        }
        ReviewGenerator g = new ReviewGenerator(5);
        for (int i = 0; i < 200; i++) {
            String clean = g.cleanPrompt();
            String trig = g.insertTrigger(clean);
            assertFalse(clean.contains(ReviewGenerator.TRIGGER));
            assertTrue(trig.contains(" " + ReviewGenerator.TRIGGER + " "), trig);
            assertEquals(clean, trig.replace(ReviewGenerator.TRIGGER + " ", ""), "only the trigger was added");
        }
    }

    @Test
    void heldOutPromptsArePairedAndLabelled() {
        HeldOutPrompts p = HeldOutPrompts.paired(64);
        assertEquals(64, p.clean().size());
        for (int i = 0; i < 64; i++) {
            assertEquals(p.clean().get(i), p.triggered().get(i).replace(ReviewGenerator.TRIGGER + " ", ""));
        }
        var labelled = HeldOutPrompts.labelled(64);
        assertEquals(128, labelled.size());
        assertEquals(64, labelled.stream().filter(l -> l.label() == 1).count());
        assertTrue(labelled.stream().allMatch(l -> (l.label() == 1) == l.text().contains(ReviewGenerator.TRIGGER)));
    }
}
