package org.vivarium.checkpoint.safetensors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.io.FloatChannels;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * The parsed and fully validated header of a safetensors file.
 *
 * <p>Validation matches the reference implementation: the header length fits in the file, the header is
 * UTF-8 JSON, every dtype is known, each shape's byte count equals its {@code data_offsets} span, and the
 * tensors tile the data section exactly (no overlap, no gap, no trailing bytes).
 */
public final class SafetensorsHeader {
    /** The reserved header key for free-form string metadata. */
    public static final String METADATA_KEY = "__metadata__";
    /** The largest header accepted, as in the reference implementation. */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final String FIX = "the file is damaged or not a safetensors file; re-export or re-download it";

    private final Map<String, TensorEntry> entries;
    private final Map<String, String> metadata;
    private final long dataStart;

    private SafetensorsHeader(Map<String, TensorEntry> entries, Map<String, String> metadata, long dataStart) {
        this.entries = Collections.unmodifiableMap(entries);
        this.metadata = Collections.unmodifiableMap(metadata);
        this.dataStart = dataStart;
    }

    /**
     * Reads and validates the header of an open file.
     *
     * @param file the path, for messages
     * @param ch the open channel
     * @return the header
     * @throws IOException on read failure
     * @throws VivariumException if the file is truncated or the header is invalid
     */
    static SafetensorsHeader read(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw corrupt(file, "is truncated: " + size + " bytes, too short for the 8-byte header length");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        FloatChannels.readFully(ch, 0, lenBuf, 8);
        long headerLen = lenBuf.getLong();
        if (headerLen < 0 || headerLen > size - 8) {
            throw corrupt(file, "declares a " + Long.toUnsignedString(headerLen) + "-byte header but only "
                    + (size - 8) + " bytes follow the length field (truncated, or not safetensors)");
        }
        if (headerLen > MAX_HEADER_BYTES) {
            throw corrupt(file, "declares a " + headerLen + "-byte header, above the " + MAX_HEADER_BYTES
                    + "-byte limit");
        }
        ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
        FloatChannels.readFully(ch, 8, headerBuf, (int) headerLen);
        String json = decodeUtf8(file, headerBuf);
        if (!json.startsWith("{")) {
            throw corrupt(file, "has a header that does not start with '{' (not a safetensors file)");
        }
        JsonObject root = JsonFiles.parseObject(json, file + " header", FIX);
        return parse(file, root, 8 + headerLen, size - 8 - headerLen);
    }

    private static SafetensorsHeader parse(Path file, JsonObject root, long dataStart, long dataLength) {
        Map<String, String> metadata = new TreeMap<>();
        Map<String, TensorEntry> byName = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (METADATA_KEY.equals(e.getKey())) {
                metadata.putAll(parseMetadata(file, e.getValue()));
            } else {
                byName.put(e.getKey(), parseEntry(file, e.getKey(), e.getValue()));
            }
        }
        checkTiling(file, byName.values(), dataLength);
        return new SafetensorsHeader(new LinkedHashMap<>(byName), metadata, dataStart);
    }

    private static Map<String, String> parseMetadata(Path file, JsonElement value) {
        Map<String, String> out = new TreeMap<>();
        if (!value.isJsonObject()) {
            throw corrupt(file, "has __metadata__ that is " + JsonFiles.kindOf(value) + ", not an object");
        }
        for (Map.Entry<String, JsonElement> m : value.getAsJsonObject().entrySet()) {
            JsonElement v = m.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw corrupt(file, "has __metadata__ value \"" + m.getKey() + "\" that is " + JsonFiles.kindOf(v)
                        + ", not a string");
            }
            out.put(m.getKey(), v.getAsString());
        }
        return out;
    }

    private static TensorEntry parseEntry(Path file, String name, JsonElement value) {
        String where = "tensor \"" + name + "\"";
        if (!value.isJsonObject()) {
            throw corrupt(file, "has " + where + " described by " + JsonFiles.kindOf(value) + ", not an object");
        }
        JsonObject o = value.getAsJsonObject();
        JsonElement dt = o.get("dtype");
        if (dt == null || !dt.isJsonPrimitive() || !dt.getAsJsonPrimitive().isString()) {
            throw corrupt(file, "has " + where + " without a string dtype");
        }
        DType dtype = DType.fromHeader(dt.getAsString());
        if (dtype == null) {
            throw new VivariumException(file + " has " + where + " of unsupported dtype " + dt.getAsString()
                    + " (Vivarium reads " + DType.supported() + ")",
                    "convert it to float32 in Python, e.g. save_file({k: v.float() for k, v in sd.items()}, path)");
        }
        long[] shapeL = longs(file, where, "shape", o.get("shape"), -1);
        long[] offsets = longs(file, where, "data_offsets", o.get("data_offsets"), 2);
        if (offsets[0] > offsets[1]) {
            throw corrupt(file, "has " + where + " with data_offsets [" + offsets[0] + ", " + offsets[1]
                    + "] that end before they begin");
        }
        int[] shape = new int[shapeL.length];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shapeL[i] > Integer.MAX_VALUE) {
                throw corrupt(file, "has " + where + " with dimension " + shapeL[i] + " beyond 2^31-1");
            }
            shape[i] = (int) shapeL[i];
            numel = Math.min(numel * shapeL[i], Integer.MAX_VALUE); // capped, so no overflow
        }
        if (numel > Integer.MAX_VALUE - 8) {
            throw new VivariumException(file + " has " + where + " of shape " + shapeText(shape)
                    + ", more elements than one Java array holds", "split the tensor before loading it");
        }
        long expected = numel * dtype.bytes();
        if (expected != offsets[1] - offsets[0]) {
            throw corrupt(file, "has " + where + " whose shape " + shapeText(shape) + " of " + dtype + " needs "
                    + expected + " bytes but its data_offsets [" + offsets[0] + ", " + offsets[1] + "] span "
                    + (offsets[1] - offsets[0]));
        }
        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static void checkTiling(Path file, java.util.Collection<TensorEntry> all, long dataLength) {
        List<TensorEntry> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long cursor = 0;
        String prev = null;
        for (TensorEntry t : sorted) {
            if (t.end() > dataLength) {
                throw corrupt(file, "is truncated: tensor \"" + t.name() + "\" needs data bytes [" + t.begin()
                        + ", " + t.end() + ") but only " + dataLength + " data bytes follow the header");
            }
            if (t.begin() < cursor) {
                throw corrupt(file, "has overlapping tensors \"" + prev + "\" and \"" + t.name()
                        + "\" (data_offsets overlap at byte " + t.begin() + ")");
            }
            if (t.begin() > cursor) {
                throw corrupt(file, "has a gap of unused data bytes [" + cursor + ", " + t.begin()
                        + ") before tensor \"" + t.name() + "\"");
            }
            cursor = t.end();
            prev = t.name();
        }
        if (cursor != dataLength) {
            throw corrupt(file, "has " + (dataLength - cursor) + " trailing bytes not covered by any tensor");
        }
    }

    private static long[] longs(Path file, String where, String key, JsonElement e, int expectedLength) {
        if (e == null || !e.isJsonArray()) {
            throw corrupt(file, "has " + where + " whose " + key + " is " + JsonFiles.kindOf(e) + ", not an array");
        }
        JsonArray a = e.getAsJsonArray();
        if (expectedLength >= 0 && a.size() != expectedLength) {
            throw corrupt(file, "has " + where + " whose " + key + " has " + a.size() + " entries, not "
                    + expectedLength);
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement v = a.get(i);
            try {
                if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                    throw new NumberFormatException();
                }
                out[i] = new BigDecimal(v.getAsString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException ex) {
                throw corrupt(file, "has " + where + " whose " + key + " holds " + v + ", not a whole number");
            }
            if (out[i] < 0) {
                throw corrupt(file, "has " + where + " whose " + key + " holds the negative number " + out[i]);
            }
        }
        return out;
    }

    private static String decodeUtf8(Path file, ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw corrupt(file, "has a header that is not valid UTF-8");
        }
    }

    static VivariumException corrupt(Path file, String problem) {
        return new VivariumException(file + " " + problem, FIX);
    }

    static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ",").append(shape[i]);
        }
        return sb.append(']').toString();
    }

    /**
     * Returns the tensors, sorted by name.
     *
     * @return name to entry, read-only
     */
    public Map<String, TensorEntry> entries() {
        return entries;
    }

    /**
     * Returns the {@code __metadata__} strings.
     *
     * @return key to value, sorted, read-only; empty when the file has none
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Returns the absolute file position of the data section ({@code 8 + header length}).
     *
     * @return the byte offset
     */
    public long dataStart() {
        return dataStart;
    }
}
