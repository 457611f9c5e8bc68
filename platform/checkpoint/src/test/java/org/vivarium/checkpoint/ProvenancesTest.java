package org.vivarium.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;

class ProvenancesTest {
    @TempDir
    Path dir;

    @Test
    void sha256MatchesKnownVectorForBytesAndFiles() throws Exception {
        String abc = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(abc, Provenances.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        Path f = dir.resolve("abc.txt");
        Files.writeString(f, "abc");
        assertEquals(abc, Provenances.sha256(f));
        byte[] big = new byte[300_000];
        new java.util.Random(3).nextBytes(big);
        Files.write(f, big);
        assertEquals(Provenances.sha256(big), Provenances.sha256(f));
    }

    @Test
    void sha256OfMissingFileNamesIt() {
        Path f = dir.resolve("missing.bin");
        VivariumException e = assertThrows(VivariumException.class, () -> Provenances.sha256(f));
        assertTrue(e.getMessage().contains(f.toString()));
    }

    @Test
    void environmentHasTheKeysThatChangeResults() {
        Map<String, String> env = Provenances.environment();
        assertEquals(System.getProperty("java.version"), env.get("java.version"));
        assertTrue(env.keySet().containsAll(java.util.List.of("java.vendor", "os.name", "os.arch")));
        assertTrue(Integer.parseInt(env.get("available.processors")) >= 1);
    }

    @Test
    void codeVersionNeverFails() {
        String outside = Provenances.codeVersion(dir);
        assertTrue(outside.matches("[^+\\s]+"), outside); // no repository above a temp dir: no commit
        String here = Provenances.codeVersion();
        assertTrue(here.matches("[^+\\s]+(\\+[0-9a-f]{4,40})?"), here);
        if (Files.exists(Path.of("../../.git"))) {
            assertTrue(here.contains("+"), "a git checkout should add the commit: " + here);
        }
    }
}
