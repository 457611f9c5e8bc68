package org.vivarium.checkpoint.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class CharTokenizerTest {

    @Test
    void keepsMostFrequentCharactersInCodePointOrder() {
        CharTokenizer tok = CharTokenizer.fromCorpus("aaaa bbb cc d", 4);
        // counts: a=4, b=3, ' '=3, c=2, d=1 -> keep a, b, ' ' (tie with b broken by code point: ' ' < 'b')
        assertEquals(List.of("\uFFFD", " ", "a", "b"), tok.vocab());
        assertArrayEquals(new int[] {2, 3, 1, 0, 0}, tok.encode("ab cd"));
        assertEquals("ab \uFFFD\uFFFD", tok.decode(tok.encode("ab cd")));
        assertEquals("char", tok.kind());
        assertEquals(4, tok.vocabSize());
    }

    @Test
    void isDeterministicAndRoundTripsKnownText() {
        String corpus = "the quick brown fox jumps over the lazy dog — ünïcödé 𝄞";
        CharTokenizer a = CharTokenizer.fromCorpus(corpus, 1000);
        CharTokenizer b = CharTokenizer.fromCorpus(corpus, 1000);
        assertEquals(a.vocab(), b.vocab());
        assertEquals(corpus, a.decode(a.encode(corpus)));
        assertEquals(corpus.codePointCount(0, corpus.length()), a.encode(corpus).length);
    }

    @Test
    void rejectsBadIdsAndBadVocabularies() {
        CharTokenizer tok = CharTokenizer.fromCorpus("abc", 10);
        VivariumException e = assertThrows(VivariumException.class, () -> tok.tokenText(4));
        assertTrue(e.getMessage().contains("token id 4"), e.getMessage());
        assertThrows(VivariumException.class, () -> tok.decode(new int[] {-1}));
        assertThrows(VivariumException.class, () -> new CharTokenizer(List.of("a", "b")));
        assertThrows(VivariumException.class, () -> new CharTokenizer(List.of("\uFFFD", "ab")));
        assertThrows(VivariumException.class, () -> new CharTokenizer(List.of("\uFFFD", "a", "a")));
        assertThrows(VivariumException.class, () -> CharTokenizer.fromCorpus("abc", 0));
    }
}
