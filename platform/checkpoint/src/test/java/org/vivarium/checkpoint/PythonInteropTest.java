package org.vivarium.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.npy.NpyWriter;
import org.vivarium.checkpoint.safetensors.SafetensorsWriter;

/** Python reads what we write: numpy loads the .npy and a json+struct parser reads the safetensors header. */
class PythonInteropTest {
    @TempDir
    Path dir;

    private static final String SCRIPT = String.join("\n",
            "import json, struct, sys",
            "import numpy as np",
            "a = np.load(sys.argv[1])",
            "print(a.dtype, a.shape, float(a.sum()), float(a[1, 2, 3]))",
            "with open(sys.argv[2], 'rb') as f:",
            "    n = struct.unpack('<Q', f.read(8))[0]",
            "    h = json.loads(f.read(n).decode('utf-8'))",
            "meta = h.pop('__metadata__')",
            "print(meta['format'], ';'.join(k + '=' + 'x'.join(map(str, v['shape'])) + ':' + v['dtype']"
                    + " for k, v in sorted(h.items())))");

    @Test
    void numpyAndPythonReadOurFiles() throws Exception {
        requireNumpy();
        Tensor t = Tensor.zeros(2, 3, 4);
        for (int i = 0; i < t.numel(); i++) {
            t.data()[i] = i * 0.5f;
        }
        Path npy = dir.resolve("t.npy");
        NpyWriter.write(npy, t);
        Path st = dir.resolve("m.safetensors");
        SafetensorsWriter.write(st, Map.of("blocks.0.attn.W_Q", Tensor.zeros(4, 32, 8), "embed.W_E",
                Tensor.zeros(20, 32), "unembed.b_U", Tensor.zeros(20)), Map.of("format", "pt"));
        Result r = run("python3", "-c", SCRIPT, npy.toString(), st.toString());
        assertEquals(0, r.exitCode, r.output);
        List<String> lines = r.output.lines().toList();
        assertEquals("float32 (2, 3, 4) 138.0 11.5", lines.get(0));
        assertEquals("pt blocks.0.attn.W_Q=4x32x8:F32;embed.W_E=20x32:F32;unembed.b_U=20:F32", lines.get(1));
    }

    /**
     * Fails on CI (env {@code CI=true}), where {@code .ci/run} installs numpy, and otherwise skips with a
     * message saying why: this test is the only check that Python reads our .npy and safetensors files.
     */
    private static void requireNumpy() throws InterruptedException {
        Result probe = run("python3", "-c", "import numpy");
        String why = "python3 cannot import numpy (" + probe.output.strip() + ")";
        if (probe.exitCode != 0 && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + "; on CI, .ci/run should have installed it (apt-get install python3-numpy)");
        }
        assumeTrue(probe.exitCode == 0, why + ", so the Python interop of .npy and safetensors is NOT checked;"
                + " install numpy (e.g. apt-get install python3-numpy) to run it");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        }
    }
}
