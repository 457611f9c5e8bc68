package org.vivarium.checkpoint.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.tensor.Tensor;

/** Checks the bytes on disk against the safetensors specification, not against our own reader. */
class SafetensorsLayoutTest {
    @TempDir
    Path dir;

    @Test
    void writtenFileHasTheSpecifiedByteLayout() throws Exception {
        Path f = dir.resolve("m.safetensors");
        Map<String, Tensor> tensors = Map.of(
                "b", Tensor.of(new float[] {4f, 5f}, 2),
                "a", Tensor.of(new float[] {1f, 2f, -3.5f}, 1, 3));
        SafetensorsWriter.write(f, tensors, Map.of("k", "v"));
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);

        long n = bytes.getLong(0);
        assertEquals(0, n % 8, "header length must keep the data 8-byte aligned");
        assertEquals(8 + n + 20, bytes.capacity(), "file = length field + header + 5 floats");
        String header = new String(bytes.array(), 8, (int) n, StandardCharsets.UTF_8);
        String json = "{\"__metadata__\":{\"k\":\"v\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1,3],\"data_offsets\":[0,12]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[12,20]}}";
        assertEquals(json + " ".repeat((int) n - json.length()), header, "compact JSON padded with spaces");

        float[] data = new float[5];
        bytes.position((int) (8 + n));
        bytes.asFloatBuffer().get(data);
        assertArrayEquals(new float[] {1f, 2f, -3.5f, 4f, 5f}, data, "little-endian data, tensors in name order");
        assertEquals(0x3f800000, bytes.getInt((int) (8 + n)), "1.0f as raw little-endian bits");
    }

    @Test
    void headerPaddingAlwaysReachesAMultipleOfEight() throws Exception {
        for (int len = 1; len <= 9; len++) {
            Path f = dir.resolve("p" + len + ".safetensors");
            SafetensorsWriter.write(f, Map.of("x".repeat(len), Tensor.zeros(1)), null);
            byte[] all = Files.readAllBytes(f);
            long n = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            assertEquals(0, n % 8);
            assertEquals(8 + n + 4, all.length);
        }
    }

    @Test
    void readsHandMadeF16AndBf16Data() throws Exception {
        String json = "{\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[6,10]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]}}";
        byte[] data = {0x00, 0x3c, 0x00, (byte) 0xc0, (byte) 0xff, 0x7b, (byte) 0x80, 0x3f, 0x00, (byte) 0xc0};
        Path f = SafetensorsCorruptionTest.handMade(dir, json, data);
        SafetensorsFile sf = SafetensorsReader.read(f);
        assertArrayEquals(new float[] {1f, -2f, 65504f}, sf.tensors().get("h").data());
        assertArrayEquals(new float[] {1f, -2f}, sf.tensors().get("b").data());
    }
}
