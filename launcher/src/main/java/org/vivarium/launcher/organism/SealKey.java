package org.vivarium.launcher.organism;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.organisms.card.CardSeal;

/**
 * The host key truth cards are sealed with: the file named by the environment variable {@value #ENV}, else
 * {@code ~/.vivarium/seal.key}; created on first use with {@value CardSeal#KEY_BYTES} bytes from
 * {@link SecureRandom}, readable by its owner only where the file system has POSIX permissions. Runs sealed on
 * one machine are scored on that machine (or wherever the key file is copied).
 */
public final class SealKey {
    /** The environment variable naming the key file. */
    public static final String ENV = "VIV_SEAL_KEY";

    private SealKey() {
    }

    /**
     * @param env the process environment
     * @return the key file, existing or not
     */
    public static Path file(Map<String, String> env) {
        String named = env.get(ENV);
        if (named != null && !named.isBlank()) {
            return Path.of(named).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".vivarium", "seal.key");
    }

    /**
     * Reads the host key, creating the key file if there is none.
     *
     * @param env the process environment
     * @return the key
     * @throws VivariumException if the file cannot be created or read, or is not a key
     */
    public static byte[] load(Map<String, String> env) {
        Path f = file(env);
        try {
            if (!Files.exists(f)) {
                create(f);
            }
            byte[] key = Files.readAllBytes(f);
            if (key.length != CardSeal.KEY_BYTES) {
                throw new VivariumException("the seal key " + f + " holds " + key.length + " bytes, not "
                        + CardSeal.KEY_BYTES, "restore the key file, or point " + ENV + " at the right one");
            }
            return key;
        } catch (IOException e) {
            throw new VivariumException("cannot read or create the seal key " + f + ": " + e.getMessage(),
                    "check the directory's permissions, or point " + ENV + " at a writable file", e);
        }
    }

    private static void create(Path f) throws IOException {
        Path dir = f.getParent();
        Files.createDirectories(dir);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path tmp = posix ? Files.createTempFile(dir, ".seal", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".seal", ".tmp");
        try {
            byte[] key = new byte[CardSeal.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.write(tmp, key);
            // no REPLACE_EXISTING: if another process created the key meanwhile, keep its key
            Files.move(tmp, f);
        } catch (FileAlreadyExistsException e) {
            // lost the race; the existing key is the host key
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
