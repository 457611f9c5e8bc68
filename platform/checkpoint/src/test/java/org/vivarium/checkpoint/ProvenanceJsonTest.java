package org.vivarium.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.provenance.Provenance;

class ProvenanceJsonTest {
    @TempDir
    Path dir;

    static Provenance sample() {
        return new Provenance("checkpoint", "organism/induction", Map.of("steps", "300", "lr", "1e-3"),
                -1234567890123L, "sha256:abc", "0.1.0+deadbee", "", "2025-01-02T03:04:05Z",
                Map.of("java.version", "17"));
    }

    @Test
    void roundTripsPrettyJson() throws Exception {
        Path f = dir.resolve("provenance.json");
        ProvenanceJson.write(f, sample());
        assertEquals(sample(), ProvenanceJson.read(f));
        String text = Files.readString(f);
        assertTrue(text.contains("\n  \"recipe\": \"organism/induction\""), text);
        assertTrue(text.contains("\"seed\": -1234567890123"), text);
    }

    @Test
    void idIsStableAndContentSensitive() {
        assertEquals(ProvenanceJson.id(sample()), ProvenanceJson.id(sample()));
        Provenance other = new Provenance("checkpoint", "organism/induction", Map.of(), 1, "", "dev", "", "t",
                Map.of());
        assertNotEquals(ProvenanceJson.id(sample()), ProvenanceJson.id(other));
        assertTrue(ProvenanceJson.id(sample()).matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void missingKeysAreReported() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> ProvenanceJson.fromJsonString("{\"kind\":\"checkpoint\",\"settings\":{\"a\":1}}", "p.json"));
        assertTrue(e.getMessage().startsWith("p.json: missing recipe, seed, created_at, code_version"),
                e.getMessage());
        assertTrue(e.getMessage().contains("settings.a must be a string"), e.getMessage());
    }
}
