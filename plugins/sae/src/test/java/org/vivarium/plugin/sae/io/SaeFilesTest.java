package org.vivarium.plugin.sae.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.train.SaeConfig;
import org.vivarium.testkit.TestLinearAlgebra;

class SaeFilesTest {
    private static final LinearAlgebra LA = TestLinearAlgebra.shared();

    @TempDir
    Path dir;

    private static SaeInfo info() {
        SaeConfig cfg = new SaeConfig(SaeKind.TOPK, 24, 5, 0.02, 1e-3, 64, 100, 3, 10, 2, 512);
        return new SaeInfo(cfg, 10, "blocks.1.hook_resid_post", 1, new SaeInfo.DataSource("runs/cache", "r1", "lm",
                "sha256:aa", "sha256:bb", "sha256:cc", new int[] {0, 90}, new int[] {90, 100}), 0.25f,
                Map.of("explained_variance", 0.93), "2026-01-01T00:00:00Z");
    }

    @Test
    void savedWeightsAndMetadataLoadBackExactly() throws Exception {
        SaeWeights w = SaeWeights.init(10, 24, 4);
        w.bEnc()[3] = -0.5f;
        w.bDec()[7] = 2.25f;
        SaeFiles.save(dir, w, info(), LA);
        SaeFiles.Loaded back = SaeFiles.load(dir, LA);
        assertTrue(Arrays.deepEquals(w.wEnc(), back.sae().weights().wEnc()));
        assertTrue(Arrays.deepEquals(w.wDec(), back.sae().weights().wDec()));
        assertArrayEquals(w.bEnc(), back.sae().weights().bEnc());
        assertArrayEquals(w.bDec(), back.sae().weights().bDec());
        assertEquals(SaeKind.TOPK, back.sae().kind());
        assertEquals(5, back.sae().k());
        SaeInfo i = back.info();
        assertEquals(info().config(), i.config());
        assertEquals("sae/L1", i.featurePrefix());
        assertEquals("sha256:cc", i.data().dataHash());
        assertArrayEquals(new int[] {90, 100}, i.data().evalSeqs());
        assertEquals(0.93, i.metrics().get("explained_variance"));
        assertEquals(0.25f, i.scale());
    }

    @Test
    void npyFilesHaveNumpysHeaderAndShape() throws Exception {
        SaeFiles.save(dir, SaeWeights.init(10, 24, 4), info(), LA);
        byte[] bytes = Files.readAllBytes(dir.resolve("W_enc.npy"));
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        int headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64, "header is padded to 64 bytes");
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (10, 24)") && header.contains("'<f4'"), header);
        assertEquals(10 + headerLen + 10 * 24 * 4, bytes.length);
        assertTrue(new String(Files.readAllBytes(dir.resolve("b_dec.npy")), StandardCharsets.US_ASCII)
                .contains("'shape': (10,)"));
    }

    @Test
    void aWrongShapeOrMissingFileIsReportedWithAFix() throws Exception {
        SaeFiles.save(dir, SaeWeights.init(10, 24, 4), info(), LA);
        LA.writeNpy(dir.resolve("b_enc.npy"), new float[7]);
        VivariumException shape = assertThrows(VivariumException.class, () -> SaeFiles.load(dir, LA));
        assertTrue(shape.getMessage().contains("has shape (7,), expected (24,)"), shape.getMessage());
        VivariumException missing = assertThrows(VivariumException.class, () -> SaeFiles.load(dir.resolve("nope"), LA));
        assertTrue(missing.getMessage().contains("sae.json") && missing.getMessage().contains("viv sae train"),
                missing.getMessage());
    }
}
