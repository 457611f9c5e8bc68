package org.vivarium.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The 16-byte {@code FORMAT} file that identifies a cache directory: magic {@code VIVCACHE},
 * format version (int32 LE), CRC-32 of the first 12 bytes (int32 LE). Checked on every open
 * before MapDB touches anything, so a newer layout is refused cleanly.
 */
final class FormatHeader {
    /** The format this code writes and reads. */
    static final int VERSION = 1;
    static final byte[] MAGIC = "VIVCACHE".getBytes(StandardCharsets.US_ASCII);
    static final int SIZE = 16;

    private FormatHeader() {
    }

    /**
     * Encodes a header.
     *
     * @param version the format version
     * @return 16 bytes
     */
    static byte[] encode(int version) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(version);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, 12);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /**
     * Writes the current header atomically.
     *
     * @param layout the cache
     */
    static void write(StoreLayout layout) {
        AtomicFiles.write(layout.formatFile(), encode(VERSION));
    }

    /**
     * Checks the header of an existing cache.
     *
     * @param layout the cache
     * @throws org.vivarium.api.VivariumException if it is corrupt or from a newer format
     */
    static void check(StoreLayout layout) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(layout.formatFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layout.formatFile(), e);
        }
        if (bytes.length != SIZE || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw CacheErrors.corrupt(layout.dir(), "FORMAT header has a wrong magic or length", null);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(8);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 12);
        if (b.getInt(12) != (int) crc.getValue()) {
            throw CacheErrors.corrupt(layout.dir(), "FORMAT header checksum mismatch", null);
        }
        if (version > VERSION) {
            throw CacheErrors.newer(layout.dir(), version, VERSION);
        }
        if (version < 1) {
            throw CacheErrors.corrupt(layout.dir(), "FORMAT header has version " + version, null);
        }
    }
}
