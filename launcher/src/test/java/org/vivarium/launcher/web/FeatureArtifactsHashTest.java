package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.checkpoint.CheckpointIO;

/**
 * {@link FeatureArtifacts#contentHash}: the checkpoint hash a feature page matches SAEs by is remembered while the
 * weights file keeps its size and modification time, and computed afresh when either changes.
 */
class FeatureArtifactsHashTest {

    @Test
    void theHashIsRememberedUntilTheWeightsFileChanges(@TempDir Path runs) throws Exception {
        Path ck = runs.resolve("m").resolve("checkpoint");
        Files.createDirectories(ck);
        Path model = ck.resolve(CheckpointIO.MODEL_FILE);
        Files.write(model, new byte[] {1, 2, 3, 4});
        FileTime t = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(model, t);
        FeatureArtifacts a = new FeatureArtifacts(runs);
        String first = a.contentHash(ck);
        assertEquals(CheckpointIO.contentHash(ck), first);

        // same size and time: the remembered hash is used (the file is not read again)
        Files.write(model, new byte[] {9, 9, 9, 9});
        Files.setLastModifiedTime(model, t);
        assertEquals(first, a.contentHash(ck));

        // a new time (a re-saved checkpoint): hashed afresh
        Files.setLastModifiedTime(model, FileTime.fromMillis(1_700_000_001_000L));
        String second = a.contentHash(ck);
        assertNotEquals(first, second);
        assertEquals(CheckpointIO.contentHash(ck), second);
    }
}
