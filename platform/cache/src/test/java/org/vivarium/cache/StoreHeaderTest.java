package org.vivarium.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RunWriter;

class StoreHeaderTest {

    private static void createWithOneRun(Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir);
                RunWriter w = cache.newRun(TestRows.spec("r", CacheDtype.F32))) {
            w.append("h", 0, 0, new float[] {1, 2, 3});
            w.finish();
        }
    }

    @Test
    void corruptHeaderBytesGiveAClearErrorAndTheCacheReopensOnceRestored(@TempDir Path dir) throws IOException {
        createWithOneRun(dir);
        Path format = dir.resolve("FORMAT");
        byte[] good = Files.readAllBytes(format);
        byte[] bad = good.clone();
        bad[2] ^= 0x55;
        Files.write(format, bad);
        VivariumException e = assertThrows(VivariumException.class, () -> MapDbActivationCache.open(dir));
        assertTrue(e.getMessage().startsWith("activation cache " + dir.toAbsolutePath() + " is corrupt (FORMAT"),
                e.getMessage());
        assertTrue(e.getMessage().contains("delete it or restore a backup"), e.getMessage());

        bad = good.clone();
        bad[9] ^= 0x01;
        Files.write(format, bad);
        e = assertThrows(VivariumException.class, () -> MapDbActivationCache.open(dir));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());

        Files.write(format, good);
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            assertEquals(1, cache.run("r").orElseThrow().totalRows());
        }
    }

    @Test
    void newerFormatIsRefusedWithUpgradeAdvice(@TempDir Path dir) throws IOException {
        createWithOneRun(dir);
        Files.write(dir.resolve("FORMAT"), FormatHeader.encode(FormatHeader.VERSION + 1));
        VivariumException e = assertThrows(VivariumException.class, () -> MapDbActivationCache.open(dir));
        assertEquals("activation cache " + dir.toAbsolutePath() + " was written by a newer Vivarium (format 2 > 1)"
                + " — upgrade Vivarium to read it", e.getMessage());
    }

    @Test
    void corruptMetadataFileGivesAClearErrorAndNoLockIsLeftBehind(@TempDir Path dir) throws IOException {
        createWithOneRun(dir);
        Path meta = dir.resolve("meta.db");
        byte[] original = Files.readAllBytes(meta);
        try (RandomAccessFile f = new RandomAccessFile(meta.toFile(), "rw")) {
            for (int i = 0; i < 64; i++) {
                f.seek(i);
                f.write(0xA5);
            }
        }
        VivariumException e = assertThrows(VivariumException.class, () -> MapDbActivationCache.open(dir));
        assertTrue(e.getMessage().contains("is corrupt (metadata store meta.db"), e.getMessage());
        Files.write(meta, original);
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            assertEquals(1, cache.runs().size());
        }
    }

    @Test
    void aDirectoryThatIsNotACacheIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        VivariumException e = assertThrows(VivariumException.class, () -> MapDbActivationCache.open(dir));
        assertTrue(e.getMessage().contains("is not an activation cache"), e.getMessage());
    }
}
