package org.vivarium.linalg.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;

/**
 * {@code .npy} files written through ND4J load in NumPy with the same shapes and values, and NumPy's own files
 * (float32 and float64, 1-d and 2-d) read back here. Needs {@code python3} with {@code numpy} (installed in CI by
 * {@code .ci/run}); without it the test fails, naming the package to install.
 */
class NpyInteropTest {
    private static final LinearAlgebra LA = Nd4jLinearAlgebra.shared();

    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np",
            "d = sys.argv[1]",
            "m = np.load(d + '/m.npy'); v = np.load(d + '/v.npy')",
            "assert m.dtype == np.float32 and m.shape == (3, 4), (m.dtype, m.shape)",
            "assert v.dtype == np.float32 and v.shape == (5,), (v.dtype, v.shape)",
            "assert (m == np.arange(12, dtype=np.float32).reshape(3, 4) * 0.5 - 1).all(), m",
            "assert (v == np.array([1.5, -2, 0, 3.25, 1e-7], dtype=np.float32)).all(), v",
            "np.save(d + '/py_m.npy', (np.arange(6, dtype=np.float32).reshape(2, 3) - 2) / 4)",
            "np.save(d + '/py_v.npy', np.array([0.1, -0.2, 0.3], dtype=np.float32))",
            "np.save(d + '/py_f64.npy', np.array([[1.25, -3.5]], dtype=np.float64))",
            "print('ok')");

    @Test
    void numpyLoadsWhatWeWriteAndWeReadWhatNumpySaves(@TempDir Path dir) throws Exception {
        float[] m = new float[12];
        for (int i = 0; i < m.length; i++) {
            m[i] = i * 0.5f - 1;
        }
        LA.writeNpy(dir.resolve("m.npy"), new FloatMatrix(3, 4, m));
        LA.writeNpy(dir.resolve("v.npy"), new float[] {1.5f, -2, 0, 3.25f, 1e-7f});
        assertEquals("ok", python(dir));
        FloatMatrix pm = LA.readNpy(dir.resolve("py_m.npy"));
        assertEquals(2, pm.rows());
        assertArrayEquals(new float[] {-0.5f, -0.25f, 0, 0.25f, 0.5f, 0.75f}, pm.data());
        assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f}, LA.readNpyVector(dir.resolve("py_v.npy")));
        assertArrayEquals(new float[] {1.25f, -3.5f}, LA.readNpy(dir.resolve("py_f64.npy")).data());
    }

    private static String python(Path dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", SCRIPT, dir.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is not on the PATH: install python3 and python3-numpy", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("numpy rejected the files (needs python3-numpy): " + out);
        }
        return out;
    }
}
