package org.vivarium.checkpoint.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;

class TokenizerJsonTest {
    @TempDir
    Path dir;

    @Test
    void charTokenizerRoundTrips() {
        CharTokenizer tok = CharTokenizer.fromCorpus("hello, wörld \"quoted\" \\ 𝄞\n", 50);
        Path f = dir.resolve("tokenizer.json");
        TokenizerJson.write(f, tok);
        Tokenizer back = TokenizerJson.read(f);
        CharTokenizer c = assertInstanceOf(CharTokenizer.class, back);
        assertEquals(tok.vocab(), c.vocab());
    }

    @Test
    void symbolTokenizerRoundTrips() throws Exception {
        Path f = dir.resolve("tokenizer.json");
        TokenizerJson.write(f, new SymbolTokenizer(37));
        assertTrue(Files.readString(f).contains("\"size\": 37"));
        Tokenizer back = TokenizerJson.read(f);
        assertInstanceOf(SymbolTokenizer.class, back);
        assertEquals(37, back.vocabSize());
    }

    @Test
    void unknownKindAndBadContentAreClearErrors() throws Exception {
        Path f = dir.resolve("tokenizer.json");
        Files.writeString(f, "{\"kind\":\"bpe\",\"merges\":[]}");
        VivariumException e = assertThrows(VivariumException.class, () -> TokenizerJson.read(f));
        assertEquals(f + " has unknown tokenizer kind \"bpe\" — use \"char\", \"symbol\" or \"wordpiece\", or re-export the "
                + "checkpoint", e.getMessage());
        Files.writeString(f, "{\"kind\":\"symbol\",\"size\":-3}");
        e = assertThrows(VivariumException.class, () -> TokenizerJson.read(f));
        assertTrue(e.getMessage().startsWith(f + ": symbol vocabulary size -3"), e.getMessage());
        Files.writeString(f, "{\"kind\":\"char\",\"vocab\":[\"\uFFFD\", 7]}");
        e = assertThrows(VivariumException.class, () -> TokenizerJson.read(f));
        assertTrue(e.getMessage().startsWith(f + ": vocab entry 1 is a number (7)"), e.getMessage());
        Files.writeString(f, "{\"vocab\":[]}");
        e = assertThrows(VivariumException.class, () -> TokenizerJson.read(f));
        assertTrue(e.getMessage().startsWith(f + ": missing kind"), e.getMessage());
    }

    @Test
    void foreignTokenizersCannotBeSaved() {
        Tokenizer foreign = new Tokenizer() {
            @Override
            public int[] encode(String text) {
                return new int[0];
            }

            @Override
            public String decode(int[] ids) {
                return "";
            }

            @Override
            public String tokenText(int id) {
                return "";
            }

            @Override
            public int vocabSize() {
                return 1;
            }

            @Override
            public String kind() {
                return "bpe";
            }
        };
        Path f = dir.resolve("tokenizer.json");
        assertThrows(VivariumException.class, () -> TokenizerJson.write(f, foreign));
        assertTrue(Files.notExists(f));
    }
}
