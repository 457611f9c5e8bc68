package org.vivarium.plugin.latentqa.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.plugin.latentqa.qa.Question;

/** The injected vector's scale and the spec file round trip. */
class DecoderSpecTest {
    private static final DecoderSpec SPEC = new DecoderSpec("blocks.1.hook_resid_post", "blocks.0.hook_resid_pre", 2f,
            1.5f, List.of(Question.PERSONA, Question.domain(List.of("code", "pets"))));

    @Test
    void injectedVectorsKeepTheDirectionAndTakeTheMatchedNorm() {
        float[] v = SPEC.injected(new float[] {3f, 4f});
        assertArrayEquals(new float[] {3f / 5 * 3f, 4f / 5 * 3f}, v, 1e-6f, "norm 1.5 x 2 = 3, direction kept");
        assertThrows(IllegalArgumentException.class, () -> SPEC.injected(new float[2]));
    }

    @Test
    void theSpecFileRoundTripsAndAMissingOneIsExplained(@TempDir Path dir) throws IOException {
        DecoderSpecFile.write(dir, SPEC);
        DecoderSpec back = DecoderSpecFile.read(dir);
        assertEquals(SPEC, back);
        assertEquals(Question.PERSONA, back.question("which persona?"));
        assertEquals("domain", back.question("domain").key());
        assertNull(back.question("which trigger?"));
        VivariumException missing = assertThrows(VivariumException.class,
                () -> DecoderSpecFile.read(dir.resolve("nowhere")));
        assertTrue(missing.getMessage().contains(DecoderSpecFile.FILE), missing.getMessage());
        Files.writeString(dir.resolve(DecoderSpecFile.FILE), "{\"read_hook\": 3}");
        VivariumException bad = assertThrows(VivariumException.class, () -> DecoderSpecFile.read(dir));
        assertTrue(bad.getMessage().contains("malformed"), bad.getMessage());
    }
}
