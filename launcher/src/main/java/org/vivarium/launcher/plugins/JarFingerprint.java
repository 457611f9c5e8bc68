package org.vivarium.launcher.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Size and modification time of a jar; a change means the jar was replaced.
 *
 * @param size the size in bytes
 * @param modifiedMillis the last-modified time
 */
record JarFingerprint(long size, long modifiedMillis) {

    /**
     * Reads a file's fingerprint.
     *
     * @param file the file
     * @return the fingerprint, or empty if the file vanished meanwhile
     */
    static Optional<JarFingerprint> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new JarFingerprint(attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
