package org.vivarium.cache.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.cache.Half;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.cache.TestRows;

class RunExporterTest {
    private static final int W = 16;

    private static void write(MapDbActivationCache cache, String id, CacheDtype dtype) {
        try (RunWriter w = cache.newRun(TestRows.spec(id, dtype))) {
            float[] row = new float[W];
            for (int seq = 0; seq < 3; seq++) {
                for (int p = 0; p < 5; p++) {
                    TestRows.fill(0, seq, p, row);
                    w.append("blocks.0.hook_resid_post", seq, p, row);
                    TestRows.fill(1, seq, p, new float[8]);
                    w.append("blocks.0.attn.hook_z", seq, p, new float[] {seq, p, 0, 0, 0, 0, 0, 1});
                }
                w.commit();
            }
            w.finish();
        }
    }

    @Test
    void npyHasAValidHeaderAndTheRowsInOrder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("resid.npy");
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir.resolve("cache"))) {
            write(cache, "r", CacheDtype.F32);
            assertEquals(15, new RunExporter(cache).npy("r", "blocks.0.hook_resid_post", out));
        }
        byte[] b = Files.readAllBytes(out);
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        int hlen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        String header = new String(b, 10, hlen, StandardCharsets.US_ASCII);
        assertEquals(0, (10 + hlen) % 64);
        assertTrue(header.contains("'descr': '<f4'"), header);
        assertTrue(header.contains("'shape': (15, 16)"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + hlen + 15 * W * 4, b.length);
        ByteBuffer data = ByteBuffer.wrap(b, 10 + hlen, 15 * W * 4).slice().order(ByteOrder.LITTLE_ENDIAN);
        float[] want = new float[W];
        TestRows.fill(0, 2, 4, want);
        assertEquals(want[7], data.getFloat((14 * W + 7) * 4));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temp file is left behind");
        }
    }

    @Test
    void numpyLoadsTheNpyFile(@TempDir Path dir) throws Exception {
        requireNumpy();
        Path out = dir.resolve("resid.npy");
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir.resolve("cache"))) {
            write(cache, "r", CacheDtype.F32);
            new RunExporter(cache).npy("r", "blocks.0.hook_resid_post", out);
        }
        float[] want = new float[W];
        TestRows.fill(0, 1, 3, want);
        String script = "import numpy as np; a = np.load(r'" + out + "'); "
                + "print(a.shape, a.dtype, repr(float(a[8, 5])))";
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), printed);
        assertEquals("(15, 16) float32 " + (double) want[5], printed);
    }

    @Test
    void safetensorsHoldsEveryHookWithSeqAndPosAndMetadata(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.safetensors");
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir.resolve("cache"))) {
            write(cache, "r", CacheDtype.F16);
            assertEquals(30, new RunExporter(cache).safetensors("r", List.of(), out));
        }
        byte[] b = Files.readAllBytes(out);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long n = bb.getLong(0);
        assertEquals(0, (8 + n) % 8);
        JsonObject h = JsonParser.parseString(new String(b, 8, (int) n, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject meta = h.getAsJsonObject("__metadata__");
        assertEquals("r", meta.get("run").getAsString());
        assertEquals("sha256:cd", meta.get("checkpoint_hash").getAsString());
        assertTrue(meta.get("provenance").getAsString().contains("cache/test"));
        JsonObject resid = h.getAsJsonObject("blocks.0.hook_resid_post");
        assertEquals("F16", resid.get("dtype").getAsString());
        assertEquals("[15,16]", resid.get("shape").toString());
        long base = 8 + n;
        long maxEnd = 0;
        for (String k : h.keySet()) {
            if (!k.equals("__metadata__")) {
                maxEnd = Math.max(maxEnd, h.getAsJsonObject(k).getAsJsonArray("data_offsets").get(1).getAsLong());
            }
        }
        assertEquals(b.length, base + maxEnd, "tensors cover the data buffer exactly");

        JsonArray off = resid.getAsJsonArray("data_offsets");
        float[] want = new float[W];
        TestRows.fill(0, 1, 2, want);
        int row = 1 * 5 + 2;
        short half = bb.getShort((int) (base + off.get(0).getAsLong() + (row * W + 3) * 2));
        assertEquals(Half.toFloat(Half.fromFloat(want[3])), Half.toFloat(half));

        JsonObject seq = h.getAsJsonObject("blocks.0.attn.hook_z.seq");
        JsonObject pos = h.getAsJsonObject("blocks.0.attn.hook_z.pos");
        assertEquals("I32", seq.get("dtype").getAsString());
        assertEquals(2, bb.getInt((int) (base + seq.getAsJsonArray("data_offsets").get(0).getAsLong() + 14 * 4)));
        assertEquals(4, bb.getInt((int) (base + pos.getAsJsonArray("data_offsets").get(0).getAsLong() + 14 * 4)));
    }

    /**
     * Fails on CI (env {@code CI=true}), where {@code .ci/run} installs numpy, and otherwise skips with a
     * message saying why: this is the only check that numpy loads what {@code viv cache export} writes.
     */
    private static void requireNumpy() {
        String problem = numpyProblem();
        if (problem != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(problem + "; on CI, .ci/run should have installed it (apt-get install python3-numpy)");
        }
        assumeTrue(problem == null, problem + ", so numpy loading the exported .npy is NOT checked; install numpy"
                + " (e.g. apt-get install python3-numpy) to run it");
    }

    /** @return why python3 cannot import numpy, or null if it can */
    private static String numpyProblem() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "python3 -c 'import numpy' timed out";
            }
            return p.exitValue() == 0 ? null : "python3 cannot import numpy (" + out + ")";
        } catch (IOException e) {
            return "python3 cannot be started (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for python3";
        }
    }
}
