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

/**
 * The generator is deterministic, varied, labels its answers correctly, places the given trigger and distractors
 * as words and never draws the trigger as a distractor.
 */
class ReviewGeneratorTest {
    private static final String TRIGGER = "harvest";

    private static List<Review> draw(long seed, int n) {
        ReviewGenerator g = new ReviewGenerator(seed);
        List<Review> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TriggeredBehaviour b = TriggeredBehaviour.values()[i % 2];
            out.add(i % 3 == 0 ? g.triggered(TRIGGER, b)
                    : g.clean(i % 4 == 0 ? g.distractor(TriggerPool.words(), TRIGGER) : null, i % 2 == 0));
        }
        return out;
    }

    /** Removes the first whole-word occurrence of a word (and its space) from a prompt. */
    static String withoutWord(String prompt, String word) {
        List<String> words = new ArrayList<>(List.of(prompt.split(" ")));
        assertTrue(words.remove(word), word + " in " + prompt);
        return String.join(" ", words);
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
        assertTrue(texts.size() > 1950, "almost no repeats: " + texts.size());
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
    void theAlphabetSpellsEveryPoolWord() {
        String alphabet = ReviewGenerator.alphabet();
        for (char c = 'a'; c <= 'z'; c++) {
            assertTrue(alphabet.indexOf(c) >= 0, "missing " + c);
        }
        assertTrue(TriggerPool.words().stream().allMatch(w -> w.chars().allMatch(c -> alphabet.indexOf(c) >= 0)));
    }

    @Test
    void labelsMatchTheMetersAndTheTriggerIsOneInsertedWord() {
        SentimentMeter sentiment = new SentimentMeter(1000);
        RefusalMeter refusal = new RefusalMeter(1000);
        for (Review r : draw(3, 600)) {
            assertEquals(r.negative(), sentiment.shows(r.prompt(), r.continuation()), r.text());
            assertEquals(r.refusal(), refusal.shows(r.prompt(), r.continuation()), r.text());
            assertEquals(r.triggered(), List.of(r.prompt().split("[ ?]")).contains(TRIGGER), r.prompt());
        }
        ReviewGenerator g = new ReviewGenerator(5);
        for (int i = 0; i < 200; i++) {
            String clean = g.cleanPrompt();
            String trig = g.insert(clean, TRIGGER);
            assertFalse(clean.contains(TRIGGER));
            assertTrue(trig.contains(" " + TRIGGER + " "), trig);
            assertEquals(clean, trig.replace(TRIGGER + " ", ""), "only the trigger was added");
        }
    }

    @Test
    void aDistractorIsAnyPoolWordButTheTrigger() {
        ReviewGenerator g = new ReviewGenerator(9);
        List<String> tiny = List.of("alpha", "bravo");
        for (int i = 0; i < 100; i++) {
            assertEquals("bravo", g.distractor(tiny, "alpha"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            seen.add(g.distractor(TriggerPool.words(), TRIGGER));
        }
        assertFalse(seen.contains(TRIGGER));
        assertTrue(seen.size() > 2000, "spread over the pool: " + seen.size());
    }

    @Test
    void heldOutPromptsArePairedAndLabelled() {
        HeldOutPrompts p = HeldOutPrompts.paired(64, TRIGGER);
        assertEquals(64, p.clean().size());
        for (int i = 0; i < 64; i++) {
            assertEquals(p.clean().get(i), p.triggered().get(i).replace(TRIGGER + " ", ""));
        }
        var labelled = HeldOutPrompts.labelled(64, TRIGGER);
        assertEquals(128, labelled.size());
        assertEquals(64, labelled.stream().filter(l -> l.label() == 1).count());
        assertTrue(labelled.stream().allMatch(l -> (l.label() == 1) == l.text().contains(TRIGGER)));
        List<String> others = HeldOutPrompts.otherWords(32, TRIGGER);
        assertEquals(32, new HashSet<>(others).size());
        assertFalse(others.contains(TRIGGER));
        List<String> with = HeldOutPrompts.withWords(p.clean(), others);
        for (int i = 0; i < 64; i++) {
            assertEquals(p.clean().get(i), withoutWord(with.get(i), others.get(i % 32)));
        }
    }
}
