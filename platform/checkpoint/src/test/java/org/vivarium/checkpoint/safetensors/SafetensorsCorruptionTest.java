package org.vivarium.checkpoint.safetensors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;

/** Every kind of damaged file must give a one-line {@link VivariumException} naming the file. */
class SafetensorsCorruptionTest {
    private static final String F32_4 = "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";

    @TempDir
    Path dir;

    static Path handMade(Path dir, String headerJson, byte[] data) throws IOException {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        return rawFile(dir, json.length, json, data);
    }

    static Path rawFile(Path dir, long declaredLength, byte[] header, byte[] data) throws IOException {
        Path f = Files.createTempFile(dir, "bad", ".safetensors");
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declaredLength).put(header).put(data);
        Files.write(f, b.array());
        return f;
    }

    private static String fails(Path f, String expectedFragment) {
        VivariumException e = assertThrows(VivariumException.class, () -> SafetensorsReader.read(f));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()), "message must name the file: " + m);
        assertTrue(m.contains(expectedFragment), "expected '" + expectedFragment + "' in: " + m);
        assertTrue(m.contains(" — "), "message must suggest a fix: " + m);
        assertFalse(m.contains("\n"), m);
        return m;
    }

    @Test
    void missingFile() {
        fails(dir.resolve("absent.safetensors"), "no safetensors file at");
    }

    @Test
    void fileShorterThanTheLengthField() throws IOException {
        Path f = dir.resolve("short.safetensors");
        Files.write(f, new byte[] {1, 2, 3});
        fails(f, "is truncated: 3 bytes");
    }

    @Test
    void headerLengthLargerThanFile() throws IOException {
        fails(rawFile(dir, 1000, "{}".getBytes(StandardCharsets.UTF_8), new byte[0]), "declares a 1000-byte header");
        fails(rawFile(dir, -1, new byte[0], new byte[0]), "declares a 18446744073709551615-byte header");
    }

    @Test
    void truncatedData() throws IOException {
        Path f = dir.resolve("real.safetensors");
        SafetensorsWriter.write(f, Map.of("w", Tensor.zeros(10, 10)), null);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 4);
        }
        fails(f, "is truncated: tensor \"w\" needs data bytes [0, 400) but only 396");
    }

    @Test
    void badJson() throws IOException {
        fails(handMade(dir, "{\"a\": {\"dtype\": ", new byte[0]), "header is not valid JSON");
        fails(handMade(dir, "[1, 2, 3]", new byte[0]), "does not start with '{'");
        fails(rawFile(dir, 4, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'}, new byte[0]), "not valid UTF-8");
        fails(handMade(dir, "{\"a\": 3}", new byte[0]), "tensor \"a\" described by a number");
    }

    @Test
    void unknownDtype() throws IOException {
        String m = fails(handMade(dir, "{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}",
                new byte[8]), "unsupported dtype I64 (Vivarium reads F32, F16, BF16)");
        assertTrue(m.contains("v.float()"), m);
    }

    @Test
    void offsetsOutOfBounds() throws IOException {
        fails(handMade(dir, F32_4, new byte[8]), "needs data bytes [0, 16) but only 8 data bytes");
    }

    @Test
    void overlappingOffsets() throws IOException {
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        fails(handMade(dir, json, new byte[12]), "overlapping tensors \"a\" and \"b\"");
    }

    @Test
    void gapsAndTrailingBytes() throws IOException {
        String gap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        fails(handMade(dir, gap, new byte[8]), "gap of unused data bytes [0, 4)");
        fails(handMade(dir, F32_4, new byte[20]), "4 trailing bytes");
    }

    @Test
    void shapeAndByteCountMismatch() throws IOException {
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        fails(handMade(dir, json, new byte[8]), "shape [3] of F32 needs 12 bytes but its data_offsets [0, 8] span 8");
    }

    @Test
    void malformedEntries() throws IOException {
        fails(handMade(dir, "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", new byte[0]),
                "negative number -1");
        fails(handMade(dir, "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}}", new byte[4]),
                "data_offsets has 1 entries, not 2");
        fails(handMade(dir, "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}", new byte[8]),
                "end before they begin");
        fails(handMade(dir, "{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]), "without a string dtype");
        fails(handMade(dir, "{\"__metadata__\":{\"k\":1}}", new byte[0]), "__metadata__ value \"k\"");
    }
}
