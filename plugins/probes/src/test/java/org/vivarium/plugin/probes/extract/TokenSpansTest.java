package org.vivarium.plugin.probes.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;

class TokenSpansTest {

    @Test
    void characterTokensSpanTheDecodedText() {
        Tokenizer t = CharTokenizer.fromCorpus("hello world", 32);
        int[] ids = t.encode("low hole");
        TokenSpans s = TokenSpans.of(t, ids);
        assertEquals("low hole", s.text());
        assertEquals("w", s.text().substring(s.start()[2], s.end()[2]));
        assertTrue(s.markable(3), "the space is a token with text");
    }

    @Test
    void symbolTokensAreJoinedWithSpaces() {
        Tokenizer t = new SymbolTokenizer(50);
        TokenSpans s = TokenSpans.of(t, t.encode("3 17 4"));
        assertEquals("t3 t17 t4", s.text());
        assertArrayEquals(new int[] {0, 3, 7}, s.start());
        assertArrayEquals(new int[] {2, 6, 9}, s.end());
    }
}
