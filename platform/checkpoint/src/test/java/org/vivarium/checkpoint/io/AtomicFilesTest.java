package org.vivarium.checkpoint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReplacesFiles() throws Exception {
        Path f = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        assertEquals(List.of("out.txt"), names(f.getParent()));
    }

    @Test
    void failedWriteKeepsOldContentAndLeavesNoTempFile() throws Exception {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "old");
        VivariumException e = assertThrows(VivariumException.class, () -> AtomicFiles.write(f, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("could not write " + f + " (disk full) — check free disk space and write permission for "
                + dir, e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("out.txt"), names(dir));
    }

    static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
