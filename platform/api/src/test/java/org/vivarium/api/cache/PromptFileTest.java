package org.vivarium.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
