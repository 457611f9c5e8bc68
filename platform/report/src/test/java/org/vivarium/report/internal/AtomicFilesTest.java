package org.vivarium.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesWithoutLeavingTempFiles() throws IOException {
        Path target = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(target, "one", "test file");
        AtomicFiles.writeString(target, "two", "test file");
        assertEquals("two", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "only the target remains");
        }
    }

    @Test
    void failedWriteKeepsOldContentAndCleansUp() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.writeString(target, "old", "test file");
        VivariumException e = assertThrows(VivariumException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }, "test file"));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "temp file removed");
        }
    }
}
