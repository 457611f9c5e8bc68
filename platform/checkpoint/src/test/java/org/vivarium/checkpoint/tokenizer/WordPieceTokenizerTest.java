package org.vivarium.checkpoint.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

/** WordPiece on a tiny vocabulary; parity with Hugging Face on MiniLM's real vocabulary is tested in the importer. */
class WordPieceTokenizerTest {
    static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able",
            "aff", "hello", ",", "world", "!", "cafe", "中", "##s", "cat", "'", "t", "don");

    @TempDir
    Path dir;

    final WordPieceTokenizer tok = new WordPieceTokenizer(VOCAB, WordPieceSettings.uncased());

    @Test
    void greedyLongestMatchWithSpecialTokensAround() {
        assertArrayEquals(new int[] {2, 5, 6, 7, 3}, tok.encode("unaffable"));
        assertArrayEquals(new int[] {5, 6, 7}, tok.encodeText("UNAFFABLE"));
        assertArrayEquals(new int[] {9, 10, 11, 12}, tok.encodeText("Hello,world!"));
        assertArrayEquals(new int[] {16, 15}, tok.encodeText("cats"));
    }

    @Test
    void accentsAreStrippedCjkIsSpacedAndUnknownWordsBecomeUnk() {
        assertArrayEquals(new int[] {13, 14, 1}, tok.encodeText("Café中xyz"));
        assertArrayEquals(new int[] {1}, tok.encodeText("un" + "s".repeat(99)), "over 100 code points");
        assertArrayEquals(new int[] {1}, tok.encodeText("unzz"), "a word with an unknown piece is unk as a whole");
        assertArrayEquals(new int[] {9, 11}, tok.encodeText("hello\u00A0\u0007world"), "NBSP splits, BEL is dropped");
    }

    @Test
    void specialTokensInTheTextStayWhole() {
        assertArrayEquals(new int[] {9, 4, 11}, tok.encodeText("hello [MASK] world"));
        assertArrayEquals(new int[] {1, 1, 1}, tok.encodeText("[mask]"), "case matters for special tokens");
    }

    @Test
    void decodeJoinsPiecesSkipsSpecialsAndCleansUp() {
        assertEquals("unaffable, world!", tok.decode(tok.encode("unaffable , world !")));
        assertEquals("don ' t", tok.decode(tok.encodeText("don't")), "clean-up runs per token, as in Hugging Face");
        assertEquals("[CLS]", tok.tokenText(2));
        assertThrows(VivariumException.class, () -> tok.tokenText(99));
    }

    @Test
    void roundTripsThroughTokenizerJson() throws Exception {
        Path f = dir.resolve("tokenizer.json");
        TokenizerJson.write(f, tok);
        assertTrue(Files.readString(f).contains("\"kind\": \"wordpiece\""));
        WordPieceTokenizer back = assertInstanceOf(WordPieceTokenizer.class, TokenizerJson.read(f));
        assertEquals(VOCAB, back.vocab());
        assertEquals(tok.settings(), back.settings());
        assertArrayEquals(tok.encode("Hello, café cats!"), back.encode("Hello, café cats!"));
    }

    @Test
    void badVocabulariesAreClearErrors() throws Exception {
        VivariumException e = assertThrows(VivariumException.class,
                () -> new WordPieceTokenizer(List.of("[PAD]", "[UNK]"), WordPieceSettings.uncased()));
        assertEquals("WordPiece vocabulary lacks the special token [CLS]", e.problem());
        Path f = dir.resolve("tokenizer.json");
        Files.writeString(f, "{\"kind\":\"wordpiece\",\"clean_text\":true,\"handle_chinese_chars\":true,"
                + "\"strip_accents\":true,\"lowercase\":true,\"unk_token\":\"[UNK]\",\"cls_token\":\"[CLS]\","
                + "\"sep_token\":\"[SEP]\",\"pad_token\":\"[PAD]\",\"continuing_subword_prefix\":\"##\","
                + "\"max_input_chars_per_word\":100,\"special_tokens\":[],\"vocab\":[\"[PAD]\",\"[UNK]\",\"[CLS]\","
                + "\"[SEP]\",\"a\",\"a\"]}");
        e = assertThrows(VivariumException.class, () -> TokenizerJson.read(f));
        assertEquals(f + ": WordPiece vocabulary has \"a\" twice (ids 4 and 5)", e.problem());
    }
}
