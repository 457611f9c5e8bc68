package org.vivarium.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextRecord;

/** Opening directories that are not, or not yet, readable indexes. */
class IndexHeaderTest {
    @TempDir
    Path tmp;

    @Test
    void newIndexWritesHeaderAndReopens() throws IOException {
        Path dir = tmp.resolve("new");
        try (LuceneContextIndex idx = LuceneContextIndex.open(dir)) {
            idx.add(List.of(new ContextRecord("sae/L0/1", "hello world", 0, 5, 1f, "m", "r", "h", 0)));
        }
        String header = Files.readString(dir.resolve(IndexHeader.FILE_NAME));
        assertTrue(header.contains("\"magic\": \"vivarium-context-index\""), header);
        try (LuceneContextIndex idx = LuceneContextIndex.open(dir)) {
            assertEquals(1, idx.count("hello"));
        }
    }

    @Test
    void nonIndexDirectoryIsRejected() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "hello");
        VivariumException e = assertThrows(VivariumException.class, () -> LuceneContextIndex.open(tmp));
        assertTrue(e.getMessage().contains("is not a Vivarium context index (no vivarium-index.json)"));
        assertThrows(VivariumException.class, () -> LuceneContextIndex.openReadOnly(tmp));
    }

    @Test
    void missingIndexIsRejectedForReading() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> LuceneContextIndex.openReadOnly(tmp.resolve("nothing")));
        assertTrue(e.getMessage().startsWith("no context index at "), e.getMessage());
    }

    @Test
    void newerFormatIsRejected() throws IOException {
        Path dir = tmp.resolve("idx");
        LuceneContextIndex.open(dir).close();
        Path header = dir.resolve(IndexHeader.FILE_NAME);
        Files.writeString(header, Files.readString(header).replace("\"version\": 1", "\"version\": 7"));
        VivariumException e = assertThrows(VivariumException.class, () -> LuceneContextIndex.openReadOnly(dir));
        assertTrue(e.getMessage().contains("format version 7, newer than this Vivarium supports (1)"),
                e.getMessage());
        assertTrue(e.fix().contains("upgrade"));
    }

    @Test
    void foreignOrBrokenHeaderIsRejected() throws IOException {
        Path dir = tmp.resolve("idx");
        LuceneContextIndex.open(dir).close();
        Files.writeString(dir.resolve(IndexHeader.FILE_NAME), "{\"magic\": \"something-else\"}");
        assertTrue(assertThrows(VivariumException.class, () -> LuceneContextIndex.open(dir)).getMessage()
                .contains("does not carry the magic"));
        Files.writeString(dir.resolve(IndexHeader.FILE_NAME), "{not json");
        assertTrue(assertThrows(VivariumException.class, () -> LuceneContextIndex.open(dir)).getMessage()
                .contains("unreadable or malformed"));
    }

    @Test
    void secondWriterGetsAClearError() {
        Path dir = tmp.resolve("idx");
        try (LuceneContextIndex first = LuceneContextIndex.open(dir)) {
            VivariumException e = assertThrows(VivariumException.class, () -> LuceneContextIndex.open(dir));
            assertTrue(e.getMessage().contains("is being written by another process"), e.getMessage());
            assertEquals(0, first.count("*"));
        }
    }
}
