package org.vivarium.checkpoint.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class SymbolTokenizerTest {
    private final SymbolTokenizer tok = new SymbolTokenizer(20);

    @Test
    void encodesAndDecodesWhitespaceSeparatedIds() {
        assertArrayEquals(new int[] {3, 17, 4}, tok.encode("  3\t17\n 4 "));
        assertArrayEquals(new int[0], tok.encode("   "));
        assertEquals("3 17 4", tok.decode(new int[] {3, 17, 4}));
        assertEquals("t19", tok.tokenText(19));
        assertEquals(20, tok.vocabSize());
        assertEquals("symbol", tok.kind());
    }

    @Test
    void outOfRangeAndNonNumericInputFail() {
        VivariumException e = assertThrows(VivariumException.class, () -> tok.encode("3 20"));
        assertTrue(e.getMessage().contains("token id 20 is outside the symbol vocabulary of 20"), e.getMessage());
        e = assertThrows(VivariumException.class, () -> tok.encode("3 x"));
        assertTrue(e.getMessage().contains("\"x\" is not a token id"), e.getMessage());
        assertThrows(VivariumException.class, () -> tok.decode(new int[] {-1}));
        assertThrows(VivariumException.class, () -> tok.tokenText(20));
        assertThrows(VivariumException.class, () -> new SymbolTokenizer(0));
    }
}
