package org.vivarium.api.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextRecord;

/** The shared context extractor: windows at sequence edges, ties, k beyond the positions, rendering rules. */
class ContextExtractorTest {
    private static TokenText chars(String s) {
        int[] ids = s.chars().toArray();
        String[] pieces = s.chars().mapToObj(Character::toString).toArray(String[]::new);
        return new TokenText(ids, pieces, false);
    }

    @Test
    void windowsAreCutAtBothEdgesOfTheSequence() {
        List<TokenText> seqs = List.of(chars("abcdefghij"));
        ContextExtractor x = new ContextExtractor(3, 2);
        ContextWindow first = x.window(seqs, new Firing(0, 0, 1f));
        assertEquals("abc", first.text());
        assertEquals(0, first.focus());
        assertEquals("a", first.firingToken());
        ContextWindow last = x.window(seqs, new Firing(0, 9, 1f));
        assertEquals("ghij", last.text());
        assertEquals(3, last.focus());
        assertEquals("j", last.firingToken());
        ContextWindow middle = x.window(seqs, new Firing(0, 5, 2.5f));
        assertEquals("cdefgh", middle.text());
        assertEquals(3, middle.spanStart());
        assertEquals(4, middle.spanEnd());
        ContextWindow whole = ContextExtractor.wholeSequence().window(seqs, new Firing(0, 4, 1f));
        assertEquals("abcdefghij", whole.text());
        assertEquals("e", whole.firingToken());
        ContextRecord r = middle.record("sae/L1/7", "m", "run", "blocks.1.hook_resid_post", 1);
        assertEquals("f", r.firingToken());
        assertEquals(2.5f, r.activation());
        VivariumException outside = assertThrows(VivariumException.class,
                () -> x.window(seqs, new Firing(0, 10, 1f)));
        assertTrue(outside.getMessage().contains("this one has 10 tokens"), outside.getMessage());
        assertThrows(VivariumException.class, () -> x.window(seqs, new Firing(1, 0, 1f)));
    }

    @Test
    void spacedTokensAreJoinedWithSpacesAndEmptyTokensCannotBeMarked() {
        TokenText t = new TokenText(new int[] {1, 2, 3}, new String[] {"t1", "", "t3"}, true);
        ContextWindow w = new ContextExtractor(5, 5).window(List.of(t), new Firing(0, 2, 1f));
        assertEquals("t1  t3", w.text());
        assertEquals("t3", w.firingToken());
        ContextWindow empty = new ContextExtractor(5, 5).window(List.of(t), new Firing(0, 1, 1f));
        assertFalse(empty.markable());
        assertThrows(VivariumException.class, () -> empty.record("sae/L0/1", "m", "r", "h", 0));
    }

    @Test
    void tiesRankByLowerSequenceThenLowerPositionWhateverTheOfferOrder() {
        List<Firing> all = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            for (int p = 0; p < 3; p++) {
                all.add(new Firing(s, p, s == 2 ? 5f : 1f));
            }
        }
        List<Firing> want = List.of(new Firing(2, 0, 5f), new Firing(2, 1, 5f), new Firing(2, 2, 5f),
                new Firing(0, 0, 1f), new Firing(0, 1, 1f));
        for (int seed = 0; seed < 20; seed++) {
            Collections.shuffle(all, new Random(seed));
            TopPositions a = new TopPositions(1, 5);
            TopPositions b = new TopPositions(1, 5);
            for (int i = 0; i < all.size(); i++) {
                Firing f = all.get(i);
                (i % 2 == 0 ? a : b).offer(0, f.seq(), f.pos(), f.activation());
            }
            a.mergeFrom(b);
            assertEquals(want, a.best(0), "offer order of seed " + seed);
        }
    }

    @Test
    void kBeyondThePositionsKeepsEveryFiniteOneAndFeaturesStayApart() {
        TopPositions top = new TopPositions(3, 10);
        top.offer(0, 0, 0, 1f);
        top.offer(0, 0, 1, Float.NaN);
        top.offer(0, 1, 0, 3f);
        top.offer(0, 1, 1, Float.POSITIVE_INFINITY);
        top.offer(1, 0, 0, -2f);
        assertEquals(List.of(new Firing(1, 0, 3f), new Firing(0, 0, 1f)), top.best(0));
        assertEquals(List.of(new Firing(0, 0, -2f)), top.best(1));
        assertEquals(List.of(), top.best(2));
        assertThrows(IllegalArgumentException.class, () -> new TopPositions(1, 0));
        assertThrows(IllegalArgumentException.class, () -> top.mergeFrom(new TopPositions(2, 10)));
    }

    @Test
    void theBestPositionIsTheFirstHighestTokenWithText() {
        TokenText t = new TokenText(new int[] {1, 2, 3, 4}, new String[] {"a", "", "c", "d"}, false);
        assertEquals(2, ContextExtractor.bestPosition(new double[] {1, 9, 4, 4}, t));
        assertEquals(0, ContextExtractor.bestPosition(new double[] {1, Double.NaN, 0, -1}, t));
        assertEquals(-1, ContextExtractor.bestPosition(new double[] {Double.NaN, 3}, t));
    }

    @Test
    void tokenTextIsReadFromTheTokenizerOnce() {
        org.vivarium.api.model.Tokenizer words = new org.vivarium.api.model.Tokenizer() {
            @Override
            public int[] encode(String text) {
                return new int[0];
            }

            @Override
            public String decode(int[] ids) {
                StringBuilder b = new StringBuilder();
                for (int id : ids) {
                    b.append(b.length() > 0 ? " " : "").append(id);
                }
                return b.toString();
            }

            @Override
            public String tokenText(int id) {
                return "w" + id;
            }

            @Override
            public int vocabSize() {
                return 10;
            }

            @Override
            public String kind() {
                return "symbol";
            }
        };
        TokenText t = TokenText.of(words, new int[] {3, 1, 4});
        assertTrue(t.spaced());
        assertEquals("w3 w1 w4", t.render(0, 3).text());
        assertEquals(new TokenText(new int[] {3, 1, 4}, new String[] {"w3", "w1", "w4"}, true), t);
    }
}
