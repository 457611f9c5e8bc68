package org.vivarium.api.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

/** Strict reading of a method's data file: each failure is one error naming the file and the fix. */
class DataFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsUtf8TextAndBytes() throws Exception {
        Path f = dir.resolve("ok.tsv");
        Files.writeString(f, "1\tcafé\n", StandardCharsets.UTF_8);
        assertEquals("1\tcafé\n", DataFiles.readUtf8(f, "fix"));
        assertArrayEquals(Files.readAllBytes(f), DataFiles.readBytes(f, "fix"));
    }

    @Test
    void missingFileNamesTheFileAndTheCallersFix() {
        Path f = dir.resolve("none.tsv");
        VivariumException e = assertThrows(VivariumException.class,
                () -> DataFiles.readUtf8(f, "pass --data FILE.tsv"));
        assertEquals("data file " + f + " does not exist", e.problem());
        assertEquals("pass --data FILE.tsv", e.fix());
    }

    @Test
    void malformedUtf8IsRejectedNotReplaced() throws Exception {
        Path f = dir.resolve("latin1.tsv");
        Files.write(f, new byte[] {'1', '\t', 'c', 'a', 'f', (byte) 0xE9});
        VivariumException e = assertThrows(VivariumException.class, () -> DataFiles.readUtf8(f, "fix"));
        assertTrue(e.problem().endsWith("is not valid UTF-8"), e.getMessage());
        assertEquals("save it as UTF-8", e.fix());
    }
}
