package org.vivarium.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.context.TokenText;

/** Token ids and texts stored with a run in a real MapDB cache: committed with the rows, read back exactly. */
class CachedTokensTest {
    private static final List<TokenText> TOKENS = List.of(
            new TokenText(new int[] {5, 0, 17}, new String[] {"Dr", ".", " Who"}, false),
            new TokenText(new int[] {3}, new String[] {"t3"}, true),
            new TokenText(new int[] {1, 2, 3, 4}, new String[] {"é", "", "\n", "日本"}, false),
            new TokenText(new int[] {Integer.MAX_VALUE, 9}, new String[] {"a\tb", "\\"}, true));

    private static void write(RunWriter w, int seq) {
        w.append("h0", seq, 0, new float[] {seq, 1f});
        w.tokens(seq, TOKENS.get(seq));
    }

    @Test
    void tokensRoundTripThroughCommitsAndReopen(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            try (RunWriter w = cache.newRun(TestRows.spec("r1", CacheDtype.F16))) {
                write(w, 0);
                write(w, 1);
                w.commit();
                write(w, 2);
                write(w, 3);
                w.finish();
            }
            assertEquals(TOKENS, cache.tokens("r1"));
        }
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            List<TokenText> back = cache.tokens("r1");
            assertEquals(TOKENS, back);
            assertEquals("日本", back.get(2).piece(3));
            assertEquals(Integer.MAX_VALUE, back.get(3).id(0));
        }
    }

    @Test
    void uncommittedTokensAreDroppedWithTheirRows(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            try (RunWriter w = cache.newRun(TestRows.spec("cut", CacheDtype.F32))) {
                write(w, 0);
                w.commit();
                write(w, 1);
            }
            assertEquals(TOKENS.subList(0, 1), cache.tokens("cut"));
        }
    }

    @Test
    void aRunWithoutTokensSaysHowToCacheItAgain(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            try (RunWriter w = cache.newRun(TestRows.spec("old", CacheDtype.F32))) {
                w.append("h0", 0, 0, new float[] {1f});
                IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> {
                    w.tokens(0, TOKENS.get(1));
                    w.tokens(0, TOKENS.get(1));
                });
                assertTrue(twice.getMessage().contains("already has tokens"), twice.getMessage());
                w.finish();
            }
            assertEquals(List.of(TOKENS.get(1)), cache.tokens("old"));
            cache.delete("old");
            try (RunWriter w = cache.newRun(TestRows.spec("old", CacheDtype.F32))) {
                w.append("h0", 0, 0, new float[] {1f});
                w.finish();
            }
            VivariumException e = assertThrows(VivariumException.class, () -> cache.tokens("old"));
            assertTrue(e.getMessage().startsWith("cache run old stores no token ids (it was cached before Vivarium"
                    + " stored tokens with every run)"), e.getMessage());
            assertTrue(e.fix().contains("'viv cache rm old', then 'viv cache CKPT --prompts FILE --hooks HOOKS --run"
                    + " old'"), e.fix());
            VivariumException unknown = assertThrows(VivariumException.class, () -> cache.tokens("nope"));
            assertTrue(unknown.getMessage().contains("unknown cache run"), unknown.getMessage());
        }
    }
}
