package org.vivarium.importer.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.checkpoint.tokenizer.WordPieceTokenizer;
import org.vivarium.importer.MiniLmImporter;
import org.vivarium.importer.Sentences;

/**
 * Our plain-Java WordPiece against Hugging Face {@code tokenizers} (the Rust library, through DJL's JNI binding, which
 * runs offline from the natives inside its jar) on MiniLM's own tokenizer.json.
 */
class WordPieceParityTest {
    /** Strings that exercise every normaliser and pre-tokeniser branch. */
    static final List<String> EDGE_CASES = List.of(
            "Héllo Wörld — naïve café, résumé; Ångström", "I don't think we're ready: it's 5 o'clock!",
            "U.S.A. spent $1,000,000.50 (approx.) on #things & stuff @ 9:30am ~ ok?", "中文字符 and 日本語 mixed",
            "emoji 🙂 and symbols ™ © ° ½", "tab\tnewline\ncarriage\rreturn", "no\u00A0break\u2003em\u3000ideographic",
            "the [MASK] token and [CLS] inside text[SEP]", "zero\u200Bwidth\u0000null\uFFFDreplacement\u0007bell",
            "x".repeat(101) + " and " + "y".repeat(100), "ΣΟΦΟΣ Ελληνικά İstanbul ǅemal ﬁnancial", "", "   ",
            "unaffable antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
            "«quotes» „low“ ‘single’ – dash … ellipsis ¿qué? ¡sí!", "\"Quoted,\" he said -- twice.");

    @TempDir
    static Path dir;
    static HuggingFaceTokenizer hf;
    static WordPieceTokenizer ours;

    @BeforeAll
    static void load() throws Exception {
        String json;
        try (InputStream in = MiniLmImporter.class.getClassLoader()
                .getResourceAsStream(MiniLmImporter.TOKENIZER_RESOURCE)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Files.writeString(dir.resolve("tokenizer.json"), json);
        hf = HuggingFaceTokenizer.builder().optTokenizerPath(file).optTruncation(false).optPadding(false)
                .optAddSpecialTokens(true).build();
        ours = HfWordPiece.fromTokenizerJson(json, "tokenizer.json");
    }

    @AfterAll
    static void close() {
        if (hf != null) {
            hf.close();
        }
    }

    @Test
    void everySotuSentenceGetsTheSameIds() {
        List<String> sentences = Sentences.all();
        assertTrue(sentences.size() > 5000, "corpus sentences: " + sentences.size());
        List<String> mismatches = new ArrayList<>();
        for (String s : sentences) {
            if (!java.util.Arrays.equals(ids(s), ours.encode(s))) {
                mismatches.add(s);
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(3, mismatches.size())),
                mismatches.size() + " of " + sentences.size() + " sentences differ");
    }

    @Test
    void edgeCasesGetTheSameIdsAndDecodeTheSame() {
        for (String s : EDGE_CASES) {
            long[] want = hf.encode(s).getIds();
            assertArrayEquals(toInts(want), ours.encode(s), () -> "ids of \"" + s + "\"");
            assertEquals(hf.decode(want, true), ours.decode(ours.encode(s)), () -> "decode of \"" + s + "\"");
        }
    }

    private static int[] ids(String s) {
        return toInts(hf.encode(s).getIds());
    }

    private static int[] toInts(long[] a) {
        return java.util.Arrays.stream(a).mapToInt(Math::toIntExact).toArray();
    }
}
