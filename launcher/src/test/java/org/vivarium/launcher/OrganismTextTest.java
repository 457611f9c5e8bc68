package org.vivarium.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.cache.PromptFile;

/** {@code viv organism text}: generator text as a prompt file that {@code viv cache} reads back unchanged. */
class OrganismTextTest {
    private static int viv(ByteArrayOutputStream o, String... args) {
        return Viv.run(args, InputStream.nullInputStream(), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(o, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void emDialoguesRoundTripWithTheirLineBreaks(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path file = dir.resolve("em.txt");
        assertEquals(0, viv(out, "organism", "text", "em", "--count", "50", "--seed", "3", "--out", file.toString()),
                out.toString(StandardCharsets.UTF_8));
        List<String> texts = PromptFile.read(file);
        assertEquals(50, texts.size());
        assertTrue(texts.stream().allMatch(t -> t.startsWith("user: ") && t.contains("\nbot: ")), texts.get(0));
        assertEquals(51, Files.readAllLines(file).size(), "a comment line, then one line per dialogue");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Path second = dir.resolve("again.txt");
        viv(again, "organism", "text", "em", "--count", "50", "--seed", "3", "--out", second.toString());
        assertEquals(texts, PromptFile.read(second), "a seed fixes the text");
    }

    @Test
    void anOrganismWithoutAGeneratorSaysSo(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(1, viv(out, "organism", "text", "induction", "--out", dir.resolve("x.txt").toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("has no text generator"),
                out.toString(StandardCharsets.UTF_8));
    }
}
