package org.vivarium.linalg.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;

class NpyFilesTest {
    private static final LinearAlgebra LA = Nd4jLinearAlgebra.shared();

    /** A version-1 .npy file laid out as numpy.save writes it: magic, header padded to 64 bytes, little-endian data. */
    static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    @Test
    void readsWhatNumpyWritesAndRoundTrips(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.npy");
        Files.write(f, npy("<f4", "2, 3", floats(1, 2, 3, 4, 5, 6.5f)));
        FloatMatrix m = LA.readNpy(f);
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6.5f}, m.data());

        Path g = dir.resolve("out/copy.npy");
        LA.writeNpy(g, m);
        byte[] written = Files.readAllBytes(g);
        assertEquals((byte) 0x93, written[0]);
        FloatMatrix back = LA.readNpy(g);
        assertEquals(2, back.rows());
        assertEquals(3, back.cols());
        assertArrayEquals(m.data(), back.data());
    }

    @Test
    void aVectorBecomesOneRowAndFloat64IsConverted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("v.npy");
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.5).putDouble(-2).putDouble(3);
        Files.write(f, npy("<f8", "3,", b.array()));
        FloatMatrix m = LA.readNpy(f);
        assertEquals(1, m.rows());
        assertArrayEquals(new float[] {0.5f, -2, 3}, m.data());
    }

    @Test
    void aVectorIsWrittenOneDimensionalAndAMatrixIsNotReadAsAVector(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/v.npy");
        LA.writeNpy(f, new float[] {2, -0.5f, 7});
        String header = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertTrue(header.contains("'shape': (3,)"), header);
        assertArrayEquals(new float[] {2, -0.5f, 7}, LA.readNpyVector(f));
        LA.writeNpy(f, new float[] {1});
        assertArrayEquals(new float[] {1}, LA.readNpyVector(f), "replaced in place");
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        Path m = dir.resolve("m.npy");
        LA.writeNpy(m, new FloatMatrix(2, 2, new float[] {1, 2, 3, 4}));
        assertEquals(m + " holds a 2-d array (shape (2, 2)) where a 1-d array was expected",
                assertThrows(VivariumException.class, () -> LA.readNpyVector(m)).problem());
    }

    @Test
    void filesItCannotTakeAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path ints = dir.resolve("ints.npy");
        Files.write(ints, npy("<i8", "2,", new byte[16]));
        assertEquals(ints + " holds dtype <i8, not float32 or float64",
                assertThrows(VivariumException.class, () -> LA.readNpy(ints)).problem());
        Path cube = dir.resolve("cube.npy");
        Files.write(cube, npy("<f4", "1, 1, 2", floats(1, 2)));
        assertEquals(cube + " holds a 3-d array (shape (1, 1, 2))",
                assertThrows(VivariumException.class, () -> LA.readNpy(cube)).problem());
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "not numpy at all");
        assertEquals(text + " is not a .npy file: it does not start with the .npy magic bytes",
                assertThrows(VivariumException.class, () -> LA.readNpy(text)).problem());
        Path missing = dir.resolve("missing.npy");
        assertEquals("no such file: " + missing,
                assertThrows(VivariumException.class, () -> LA.readNpy(missing)).problem());
    }
}
