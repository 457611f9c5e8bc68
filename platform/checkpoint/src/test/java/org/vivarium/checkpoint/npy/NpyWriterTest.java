package org.vivarium.checkpoint.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.tensor.Tensor;

class NpyWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesVersion1HeaderAlignedTo64AndLittleEndianData() throws Exception {
        Path f = dir.resolve("t.npy");
        NpyWriter.write(f, Tensor.of(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, 2, 3));
        byte[] all = Files.readAllBytes(f);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals((byte) 0x93, all[0]);
        assertEquals("NUMPY", new String(all, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, all[6]);
        assertEquals(0, all[7]);
        int headerLen = b.getShort(8) & 0xffff;
        int dataStart = 10 + headerLen;
        assertEquals(0, dataStart % 64);
        String dict = new String(all, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(dict.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), dict);
        assertTrue(dict.endsWith("\n"));
        assertEquals(dataStart + 24, all.length);
        float[] data = new float[6];
        b.position(dataStart);
        b.asFloatBuffer().get(data);
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, data);
    }

    @Test
    void shapeTuplesFollowPythonSyntax() {
        assertTrue(new String(NpyWriter.header(new int[] {7}), StandardCharsets.US_ASCII).contains("'shape': (7,)"));
        assertTrue(new String(NpyWriter.header(new int[0]), StandardCharsets.US_ASCII).contains("'shape': ()"));
        assertEquals(0, (10 + NpyWriter.header(new int[] {1, 2, 3, 4, 5, 6, 7, 8}).length) % 64);
    }
}
