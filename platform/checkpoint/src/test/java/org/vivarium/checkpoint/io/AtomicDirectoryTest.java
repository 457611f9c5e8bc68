package org.vivarium.checkpoint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class AtomicDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void createsThenReplacesWholeDirectories() throws Exception {
        Path target = dir.resolve("ck");
        AtomicDirectory.replace(target, tmp -> {
            Files.writeString(tmp.resolve("a"), "1");
            Files.writeString(tmp.resolve("stale"), "x");
        });
        AtomicDirectory.replace(target, tmp -> Files.writeString(tmp.resolve("a"), "2"));
        assertEquals(List.of("a"), AtomicFilesTest.names(target));
        assertEquals("2", Files.readString(target.resolve("a")));
        assertEquals(List.of("ck"), AtomicFilesTest.names(dir));
        assertNull(AtomicDirectory.findBackup(target));
    }

    @Test
    void failingWriterKeepsTheOldDirectory() throws Exception {
        Path target = dir.resolve("ck");
        AtomicDirectory.replace(target, tmp -> Files.writeString(tmp.resolve("a"), "old"));
        assertThrows(IllegalStateException.class, () -> AtomicDirectory.replace(target, tmp -> {
            Files.writeString(tmp.resolve("a"), "new");
            throw new IllegalStateException("crash midway");
        }));
        assertEquals("old", Files.readString(target.resolve("a")));
        assertEquals(List.of("ck"), AtomicFilesTest.names(dir));
    }

    @Test
    void findsABackupLeftByAnInterruptedSwap() throws Exception {
        Path target = dir.resolve("ck");
        Path backup = Files.createDirectory(dir.resolve(".ck.old-123"));
        assertEquals(backup, AtomicDirectory.findBackup(target));
    }

    @Test
    void ioFailureIsAOneLineVivariumException() throws Exception {
        Path target = dir.resolve("ck");
        VivariumException e = assertThrows(VivariumException.class, () -> AtomicDirectory.replace(target,
                tmp -> Files.writeString(tmp.resolve("missing-sub/a"), "x")));
        assertEquals(true, e.getMessage().startsWith("could not write " + target), e.getMessage());
        assertEquals(List.of(), AtomicFilesTest.names(dir));
    }
}
