package org.vivarium.plugin.steering.io;

import org.vivarium.report.io.JsonReader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.PromptFile;
import org.vivarium.api.model.HookName;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.math.Separation;

class DirectionFileTest {
    @TempDir
    Path dir;

    private static final LayerDirection D0 = new LayerDirection(0, HookName.residPre(0), new float[] {1, 0, 0},
            new Separation(0.6, 0.4, 10));
    private static final LayerDirection D1 = new LayerDirection(1, HookName.residPre(1), new float[] {0.25f, -2, 1e-7f},
            new Separation(0.95, 2.5, 10));

    @Test
    void writesEverythingAndReadsTheDirectionBack() throws Exception {
        Provenance model = new Provenance("checkpoint", "organism/backdoor", Map.of(), 42, "sha256:ab", "0.1.0", "",
                "2026-01-01T00:00:00Z", Map.of());
        Path file = DirectionFile.write(dir, D1, PositionMode.LAST, List.of(D0, D1), new DirectionProvenance(
                "runs/backdoor/checkpoint", "backdoor", model, Map.of("generation", 3L), 16, 16, "now"));
        assertEquals(dir.resolve("direction.json"), file);
        SavedDirection back = DirectionFile.read(dir);
        assertEquals(1, back.layer());
        assertEquals(HookName.residPre(1), back.hook());
        assertEquals(PositionMode.LAST, back.position());
        assertArrayEquals(D1.vector(), back.vector());
        assertEquals("backdoor", back.organism());
        assertEquals("runs/backdoor/checkpoint", back.checkpoint());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) JsonReader.parse(Files.readString(file));
        assertEquals(2, ((List<?>) doc.get("layers")).size());
        assertEquals(D1.norm(), (Double) doc.get("norm"), 1e-9);
        @SuppressWarnings("unchecked")
        Map<String, Object> prov = (Map<String, Object>) doc.get("provenance");
        assertEquals("direction", prov.get("kind"));
        assertEquals(3.0, ((Map<?, ?>) prov.get("seeds")).get("generation"));
        assertEquals(42.0, ((Map<?, ?>) prov.get("model")).get("seed"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void missingOrMalformedFilesFailWithAFix() throws Exception {
        VivariumException missing = assertThrows(VivariumException.class, () -> DirectionFile.read(dir));
        assertTrue(missing.getMessage().contains("viv steering direction"), missing.getMessage());
        Files.writeString(dir.resolve("direction.json"), "{\"format\": \"other\"}");
        VivariumException other = assertThrows(VivariumException.class, () -> DirectionFile.read(dir));
        assertTrue(other.getMessage().contains("not a vivarium-steering-direction/1 document"), other.getMessage());
        Files.writeString(dir.resolve("direction.json"), "{\"format\": \"vivarium-steering-direction/1\", \"layer\": ");
        VivariumException broken = assertThrows(VivariumException.class, () -> DirectionFile.read(dir));
        assertTrue(broken.getMessage().startsWith("cannot read direction file"), broken.getMessage());
    }

    @Test
    void promptFilesSkipBlankLinesAndRejectEmptyOnes() throws Exception {
        Path f = dir.resolve("p.txt");
        Files.writeString(f, "first\n\n  \nsecond\n");
        assertEquals(List.of("first", "second"), PromptFile.read(f, "--pos"));
        Files.writeString(f, "\n\n");
        assertTrue(assertThrows(VivariumException.class, () -> PromptFile.read(f, "--neg")).getMessage()
                .contains("has no prompts"));
        assertTrue(assertThrows(VivariumException.class, () -> PromptFile.read(dir.resolve("nope"), "--pos"))
                .getMessage().contains("does not exist"));
    }
}
