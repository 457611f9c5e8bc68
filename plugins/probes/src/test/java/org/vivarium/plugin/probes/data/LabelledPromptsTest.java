package org.vivarium.plugin.probes.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class LabelledPromptsTest {
    @TempDir
    Path dir;

    @Test
    void readsLabelsAndTextsSkippingCommentsAndBlankLines() throws Exception {
        Path f = dir.resolve("d.tsv");
        Files.writeString(f, "# label<TAB>text\n1\tThe plan\n\n0\tA tab\tinside\r\n  # indented comment\n");
        LabelledPrompts p = LabelledPrompts.read(f);
        assertEquals(List.of(new LabelledPrompt(2, 1, "The plan"), new LabelledPrompt(4, 0, "A tab\tinside")),
                p.prompts());
        assertEquals(2, p.labels().length);
        assertTrue(p.sha256().matches("sha256:[0-9a-f]{64}"), p.sha256());
        Files.writeString(f, "1\tThe plan!\n");
        assertNotEquals(p.sha256(), LabelledPrompts.read(f).sha256());
    }

    @Test
    void namesTheMalformedLine() {
        VivariumException noTab = assertThrows(VivariumException.class,
                () -> LabelledPrompts.parse("1\tok\n# c\n0 no tab here\n", "d.tsv"));
        assertTrue(noTab.getMessage().contains("d.tsv line 3 has no tab"), noTab.getMessage());
        VivariumException badLabel = assertThrows(VivariumException.class,
                () -> LabelledPrompts.parse("yes\tok\n", "d.tsv"));
        assertTrue(badLabel.getMessage().contains("line 1 has label \"yes\", not 0 or 1"), badLabel.getMessage());
        VivariumException empty = assertThrows(VivariumException.class, () -> LabelledPrompts.parse("1\t  \n", "d"));
        assertTrue(empty.getMessage().contains("line 1 has an empty text"), empty.getMessage());
    }

    @Test
    void reportsMissingAndEmptyFiles() throws Exception {
        VivariumException missing = assertThrows(VivariumException.class,
                () -> LabelledPrompts.read(dir.resolve("nope.tsv")));
        assertTrue(missing.getMessage().contains("does not exist") && missing.fix().contains("--data"));
        Path f = dir.resolve("empty.tsv");
        Files.writeString(f, "# only a comment\n");
        VivariumException empty = assertThrows(VivariumException.class, () -> LabelledPrompts.read(f));
        assertTrue(empty.getMessage().contains("holds no prompts"), empty.getMessage());
    }
}
