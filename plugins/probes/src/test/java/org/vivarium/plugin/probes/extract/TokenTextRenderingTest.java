package org.vivarium.plugin.probes.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;

/** The shared token rendering the probes' contexts and audit texts use, on the checkpoints' real tokenizers. */
class TokenTextRenderingTest {

    @Test
    void characterTokensSpanTheDecodedText() {
        Tokenizer t = CharTokenizer.fromCorpus("hello world", 32);
        int[] ids = t.encode("low hole");
        TokenText.Rendered s = TokenText.of(t, ids).render(0, ids.length);
        assertEquals("low hole", s.text());
        assertEquals("w", s.text().substring(s.starts()[2], s.ends()[2]));
        assertTrue(s.ends()[3] > s.starts()[3], "the space is a token with text");
    }

    @Test
    void symbolTokensAreJoinedWithSpaces() {
        Tokenizer t = new SymbolTokenizer(50);
        TokenText.Rendered s = TokenText.of(t, t.encode("3 17 4")).render(0, 3);
        assertEquals("t3 t17 t4", s.text());
        assertArrayEquals(new int[] {0, 3, 7}, s.starts());
        assertArrayEquals(new int[] {2, 6, 9}, s.ends());
    }
}
