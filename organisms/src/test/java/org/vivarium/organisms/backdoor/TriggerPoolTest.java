package org.vivarium.organisms.backdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pool is sorted, lower-case, sized as documented and disjoint from the review vocabulary. */
class TriggerPoolTest {
    @Test
    void wordsAreSortedLowerCaseOfFourToNineLettersAndNotReviewWords() {
        List<String> words = TriggerPool.words();
        assertEquals(3122, words.size(), "the size stated in the javadoc");
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(null);
        assertEquals(sorted, words);
        assertEquals(words.size(), Set.copyOf(words).size(), "no duplicates");
        assertTrue(words.stream().allMatch(w -> w.matches("[a-z]{4,9}")));
        Set<String> review = ReviewVocabulary.allWords();
        assertTrue(words.stream().noneMatch(review::contains));
        assertTrue(review.containsAll(List.of("pasta", "wonderful", "sorry", "opinion")));
        assertTrue(words.containsAll(List.of("abandon", "zones", "economy")), "from the State of the Union corpus");
        assertFalse(words.contains("america"), "capitalised in the corpus");
    }

    @Test
    void candidatesArePoolWordsNoOtherPoolWordContains() {
        List<String> c = TriggerPool.candidates();
        assertEquals(2268, c.size(), "the size stated in the javadoc");
        assertTrue(TriggerPool.words().containsAll(c));
        assertFalse(c.contains("turn"), "inside return");
        for (String w : c.subList(0, 200)) {
            assertTrue(TriggerPool.words().stream().noneMatch(o -> !o.equals(w) && o.contains(w)), w);
        }
    }
}
