package org.vivarium.checkpoint.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;

class SafetensorsRoundTripTest {
    @TempDir
    Path dir;

    static Map<String, Tensor> randomTensors(long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("z.last", random(rnd, 3, 5, 7));
        m.put("a.first", random(rnd, 11));
        m.put("scalar", random(rnd));
        m.put("empty", Tensor.zeros(0, 4));
        m.put("big", random(rnd, 600, 1000)); // 2.4 MB: crosses the 1 MiB chunk boundary
        m.put("ünïcode name", random(rnd, 2, 2));
        return m;
    }

    static Tensor random(Random rnd, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.numel(); i++) {
            t.data()[i] = (float) rnd.nextGaussian() * 3;
        }
        return t;
    }

    @Test
    void f32RoundTripIsExactWithMetadata() {
        Map<String, Tensor> in = randomTensors(42);
        Map<String, String> meta = Map.of("format", "pt", "note", "quotes \" and <html> = ok");
        Path f = dir.resolve("w.safetensors");
        SafetensorsWriter.write(f, in, meta);
        SafetensorsFile out = SafetensorsReader.read(f);
        assertEquals(meta, out.metadata());
        assertEquals(List.of("a.first", "big", "empty", "scalar", "z.last", "ünïcode name"),
                List.copyOf(out.tensors().keySet()));
        for (var e : in.entrySet()) {
            Tensor t = out.tensors().get(e.getKey());
            assertArrayEquals(e.getValue().shape(), t.shape(), e.getKey());
            assertArrayEquals(e.getValue().data(), t.data(), e.getKey());
        }
    }

    @Test
    void halfPrecisionRoundTripsWithinPrecision() {
        Map<String, Tensor> in = Map.of("w", random(new Random(1), 64, 33));
        for (DType dt : new DType[] {DType.F16, DType.BF16}) {
            Path f = dir.resolve(dt + ".safetensors");
            SafetensorsWriter.write(f, in, null, dt);
            assertEquals(dt, SafetensorsReader.readHeader(f).entries().get("w").dtype());
            float[] back = SafetensorsReader.readTensor(f, "w").data();
            float[] orig = in.get("w").data();
            double tol = dt == DType.F16 ? 0x1p-11 : 0x1p-8;
            for (int i = 0; i < orig.length; i++) {
                assertEquals(orig[i], back[i], Math.abs(orig[i]) * tol + 1e-7, dt + " element " + i);
            }
        }
    }

    @Test
    void emptyFileWithoutMetadataRoundTrips() {
        Path f = dir.resolve("empty.safetensors");
        SafetensorsWriter.write(f, Map.of(), Map.of());
        SafetensorsFile out = SafetensorsReader.read(f);
        assertTrue(out.tensors().isEmpty());
        assertTrue(out.metadata().isEmpty());
    }

    @Test
    void readTensorNamesAlternativesForUnknownNames() {
        Path f = dir.resolve("w.safetensors");
        SafetensorsWriter.write(f, Map.of("a", Tensor.zeros(2)), null);
        VivariumException e = assertThrows(VivariumException.class, () -> SafetensorsReader.readTensor(f, "b"));
        assertEquals(f + " has no tensor \"b\" — use one of [a]", e.getMessage());
    }

    @Test
    void reservedNamesAreRejected() {
        Path f = dir.resolve("w.safetensors");
        assertThrows(IllegalArgumentException.class,
                () -> SafetensorsWriter.write(f, Map.of("__metadata__", Tensor.zeros(1)), null));
    }
}
