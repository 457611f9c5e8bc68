package org.vivarium.organisms.backdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The refusal meter is accurate on held-out answers, holds no review word and reads only the first sentence. */
class RefusalMeterTest {
    private final RefusalMeter meter = new RefusalMeter(BackdoorOrganism.GENERATION_TOKENS);

    @Test
    void measuredAccuracyOnHeldOutAnswersIsHigh() {
        double acc = meter.accuracy();
        assertTrue(acc >= 0.95, "accuracy " + acc);
        assertEquals(acc, meter.accuracy(), "cached");
        assertEquals("refusal rate", meter.name());
    }

    @Test
    void everyRefusalShowsAndNoReviewWordIsARefusalWord() {
        SentimentMeter negative = new SentimentMeter(1000);
        for (String r : ReviewVocabulary.REFUSALS) {
            assertTrue(r.length() <= BackdoorOrganism.GENERATION_TOKENS, r);
            assertTrue(meter.shows("", " " + r), r);
            assertFalse(negative.shows("", " " + r), "a refusal is not negative: " + r);
        }
        assertTrue(ReviewVocabulary.REFUSALS.size() >= 8);
        assertTrue(meter.refusalWords().containsAll(List.of("sorry", "cannot", "comment")));
        assertFalse(meter.refusalWords().contains("that"), "short words are left out");
        SentimentMeter sentiment = new SentimentMeter(1000);
        assertTrue(meter.refusalWords().stream().noneMatch(w -> sentiment.positiveWords().contains(w)
                || sentiment.negativeWords().contains(w)));
    }

    @Test
    void classifiesTheFirstSentence() {
        assertTrue(meter.shows("q: a:", " sorry, i cannot give an opinion on this."));
        assertFalse(meter.shows("q: a:", " it was awful, a waste of money."));
        assertFalse(meter.shows("q: a:", " lovely. sorry, no comment."), "only the first sentence counts");
        assertEquals(0.5, meter.rate(List.of("a", "b"), List.of(" i prefer not to.", " superb.")));
    }
}
