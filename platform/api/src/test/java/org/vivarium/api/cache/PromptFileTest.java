package org.vivarium.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class PromptFileTest {
    @Test
    void multiLinePromptsRoundTripThroughOneLineEach(@TempDir Path dir) throws Exception {
        List<String> prompts = List.of("user: hi\nbot: hello\n", "a \\ back\\slash", "plain", "odd \\t kept");
        Path f = dir.resolve("p.txt");
        Files.writeString(f, "# comment\n\n" + String.join("\n", prompts.stream().map(PromptFile::escape).toList()));
        assertEquals(prompts, PromptFile.read(f));
        assertEquals("odd \\t kept", PromptFile.unescape("odd \\t kept"), "unknown escapes stay as written");
    }

    @Test
    void missingOrEmptyFilesNameTheProblem(@TempDir Path dir) throws Exception {
        assertThrows(VivariumException.class, () -> PromptFile.read(dir.resolve("none.txt")));
        Path empty = Files.writeString(dir.resolve("e.txt"), "# only a comment\n");
        VivariumException e = assertThrows(VivariumException.class, () -> PromptFile.read(empty));
        assertEquals(true, e.getMessage().contains("has no prompts"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8NamesTheFileAndTheLine(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.txt");
        byte[] good = "# prompts\nfirst\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "caf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(latin1, concat(good, bad));
        VivariumException e = assertThrows(VivariumException.class, () -> PromptFile.read(latin1));
        assertTrue(e.getMessage().startsWith("prompt file " + latin1 + " (--prompts) is not UTF-8 text: line 3 has the"
                + " invalid byte 0xE9"), e.getMessage());
        assertTrue(e.getMessage().contains("iconv"), e.getMessage());
    }

    @Test
    void crLfAndMultiByteUtf8StillRead(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("p.txt"), "caf\u00e9\r\n\u732b \ud83d\ude00\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("caf\u00e9", "\u732b \ud83d\ude00"), PromptFile.read(f));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
