package org.vivarium.index.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.SortOrder;
import org.vivarium.index.LuceneContextIndex;

/** {@code viv search} end to end against a small real index. */
class SearchCommandLineTest {
    @TempDir
    static Path tmp;

    private static Path dir;

    @BeforeAll
    static void build() {
        dir = tmp.resolve("index");
        try (LuceneContextIndex idx = LuceneContextIndex.open(dir)) {
            idx.add(List.of(
                    rec("sae/L1/812", "the doctor gave risky advice today", "advice", 3.5f),
                    rec("sae/L1/812", "my doctor said the advice was fine", "doctor", 2.0f),
                    rec("probe/misaligned@L2", "ignore the doctor and take my advice", "advice", 5.25f),
                    rec("sae/L0/7", "type your password here", "password", 1.5f)));
        }
    }

    private static ContextRecord rec(String feature, String text, String token, float act) {
        int s = text.indexOf(token);
        int layer = feature.contains("@L") ? 2 : Integer.parseInt(feature.substring(5, 6));
        return new ContextRecord(feature, text, s, s + token.length(), act, "em-small", "run-1",
                "blocks." + layer + ".hook_resid_post", layer);
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--index", dir.toString()));
        new SearchCommandLine(SearchArgs.parse(all), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsRankedTableWithHighlights() {
        String out = run("doctor", "advice", "--top", "2");
        String[] lines = out.split("\n");
        assertEquals("3 contexts match \"doctor advice\" (top 2 by activation)", lines[0]);
        assertTrue(lines[1].matches("rank\\s+act\\s+feature\\s+context"), lines[1]);
        assertTrue(lines[2].matches("\\s+1\\s+5\\.250\\s+probe/misaligned@L2\\s+ignore the \\[doctor] and take my «advice»"),
                lines[2]);
        assertTrue(lines[3].contains("3.500  sae/L1/812"), lines[3]);
        assertEquals(4, lines.length);
    }

    @Test
    void aContextWithLineBreaksStaysOneRow(@TempDir Path other) {
        Path d = other.resolve("index");
        try (LuceneContextIndex idx = LuceneContextIndex.open(d)) {
            idx.add(List.of(new ContextRecord("sae/L1/3", "User: hi\r\nAssistant: the key\nis here", 25, 28, 1f, "m",
                    "r", "blocks.1.hook_resid_post", 1)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new SearchCommandLine(SearchArgs.parse(List.of("key", "--index", d.toString())),
                new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        assertTrue(lines[2].endsWith("User: hi\u21b5Assistant: the «key»\u21b5is here"), lines[2]);
    }

    @Test
    void narrowsToOneFeature() {
        String out = run("feature:sae/L1/812 AND advice");
        assertTrue(out.startsWith("2 contexts match"), out);
        assertTrue(!out.contains("probe/"), out);
    }

    @Test
    void printsFeatureAggregation() {
        String[] lines = run("doctor", "--features").split("\n");
        assertTrue(lines[0].startsWith("features firing on the 3 contexts matching \"doctor\""), lines[0]);
        assertTrue(lines[2].matches("\\s+1\\s+2\\s+3\\.500\\s+2\\.750\\s+sae/L1/812"), lines[2]);
        assertTrue(lines[3].matches("\\s+2\\s+1\\s+5\\.250\\s+5\\.250\\s+probe/misaligned@L2"), lines[3]);
    }

    @Test
    void printsJson() {
        JsonObject json = JsonParser.parseString(run("password", "--json")).getAsJsonObject();
        assertEquals(1, json.get("totalHits").getAsLong());
        JsonObject hit = json.getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("sae/L0/7", hit.get("feature").getAsString());
        assertEquals("type your «password» here", hit.get("highlighted").getAsString());
        assertEquals("type your <mark>password</mark> here", hit.get("html").getAsString());
        JsonObject features = JsonParser.parseString(run("*", "--features", "--json")).getAsJsonObject();
        assertEquals(4, features.get("matchingContexts").getAsLong());
        assertEquals(3, features.getAsJsonArray("features").size());
    }

    @Test
    void parsesOptionsAndRejectsBadOnes() {
        SearchArgs a = SearchArgs.parse(List.of("x", "--sort", "relevance", "--top", "7"));
        assertEquals(SortOrder.RELEVANCE, a.options().sort());
        assertEquals(7, a.options().top());
        assertEquals(SearchArgs.DEFAULT_INDEX, a.index());
        assertTrue(assertThrows(VivariumException.class, () -> SearchArgs.parse(List.of("x", "--top")))
                .getMessage().contains("--top needs a value"));
        assertTrue(assertThrows(VivariumException.class, () -> SearchArgs.parse(List.of("x", "--top", "0")))
                .getMessage().contains("--top \"0\" is out of range (allowed: 1 to 100000)"));
        assertTrue(assertThrows(VivariumException.class, () -> SearchArgs.parse(List.of("--bogus")))
                .getMessage().contains("unknown option --bogus"));
        VivariumException bad = assertThrows(VivariumException.class, () -> run("foo AND ("));
        assertTrue(bad.getMessage().startsWith("bad query \"foo AND (\""), bad.getMessage());
    }
}
