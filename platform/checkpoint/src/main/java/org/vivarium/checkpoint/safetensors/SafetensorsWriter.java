package org.vivarium.checkpoint.safetensors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.io.AtomicFiles;
import org.vivarium.checkpoint.io.FloatChannels;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * Writes safetensors files that Python's {@code safetensors} library loads unchanged.
 *
 * <pre>{@code
 * SafetensorsWriter.write(Path.of("model.safetensors"), weights, Map.of("format", "pt"));
 * }</pre>
 *
 * <p>Layout: an 8-byte little-endian header length {@code N}; {@code N} bytes of compact UTF-8 JSON padded
 * with spaces so {@code N} is a multiple of 8; then the tensors' little-endian data back to back, in
 * name order. The file is written to a temp file and renamed into place.
 */
public final class SafetensorsWriter {

    private SafetensorsWriter() {
    }

    /**
     * Writes tensors as float32.
     *
     * @param file the target file (replaced atomically)
     * @param tensors name to tensor; names must be non-empty and not {@code __metadata__}
     * @param metadata strings stored under {@code __metadata__}; may be empty or {@code null}
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        write(file, tensors, metadata, DType.F32);
    }

    /**
     * Writes tensors in the given element type (F16 and BF16 round to nearest even).
     *
     * @param file the target file (replaced atomically)
     * @param tensors name to tensor; names must be non-empty and not {@code __metadata__}
     * @param metadata strings stored under {@code __metadata__}; may be empty or {@code null}
     * @param dtype the element type to store
     * @throws IllegalArgumentException if a name is empty or reserved or a tensor is null
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata, DType dtype) {
        TreeMap<String, Tensor> sorted = new TreeMap<>(tensors);
        byte[] header = header(sorted, metadata, dtype);
        AtomicFiles.write(file, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
                len.flip();
                FloatChannels.writeFully(ch, len);
                FloatChannels.writeFully(ch, ByteBuffer.wrap(header));
                ByteBuffer scratch = FloatChannels.newScratch();
                for (Tensor t : sorted.values()) {
                    writeData(ch, t.data(), dtype, scratch);
                }
            }
        });
    }

    /**
     * Builds the padded header bytes.
     *
     * @param sorted name-sorted tensors
     * @param metadata metadata strings, or {@code null}
     * @param dtype the element type
     * @return the UTF-8 JSON padded with spaces to a multiple of 8 bytes
     */
    static byte[] header(TreeMap<String, Tensor> sorted, Map<String, String> metadata, DType dtype) {
        JsonObject root = new JsonObject();
        if (metadata != null && !metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            new TreeMap<>(metadata).forEach(meta::addProperty);
            root.add(SafetensorsHeader.METADATA_KEY, meta);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : sorted.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || SafetensorsHeader.METADATA_KEY.equals(name)) {
                throw new IllegalArgumentException("tensor name \"" + name + "\" is empty or reserved");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("tensor \"" + name + "\" is null");
            }
            long bytes = (long) e.getValue().numel() * dtype.bytes();
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", dtype.name());
            JsonArray shape = new JsonArray();
            Arrays.stream(e.getValue().shape()).forEach(shape::add);
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + bytes);
            entry.add("data_offsets", offsets);
            root.add(name, entry);
            offset += bytes;
        }
        byte[] json = JsonFiles.toCompactString(root).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    private static void writeData(FileChannel ch, float[] data, DType dtype, ByteBuffer scratch) throws IOException {
        if (dtype == DType.F32) {
            FloatChannels.writeF32(ch, data, scratch);
            return;
        }
        int perChunk = scratch.capacity() / 2;
        for (int off = 0; off < data.length; off += perChunk) {
            int n = Math.min(perChunk, data.length - off);
            scratch.clear();
            ShortBuffer halves = scratch.asShortBuffer();
            for (int i = 0; i < n; i++) {
                float v = data[off + i];
                halves.put(i, dtype == DType.BF16 ? HalfPrecision.floatToBf16(v) : HalfPrecision.floatToF16(v));
            }
            scratch.limit(2 * n);
            FloatChannels.writeFully(ch, scratch);
        }
    }
}
