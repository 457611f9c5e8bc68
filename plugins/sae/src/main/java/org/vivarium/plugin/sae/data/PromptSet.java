package org.vivarium.plugin.sae.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.PromptFile;

/**
 * The prompt file a cached run was made from, read as {@code viv cache} reads it ({@link PromptFile}), with the same content hash the cache records, so
 * the file can be checked against the run: prompt {@code i} is sequence {@code i}.
 *
 * @param file the file
 * @param prompts the prompts in file order
 * @param hash {@code sha256:} of each prompt's UTF-8 length (int32 LE) and bytes
 */
public record PromptSet(Path file, List<String> prompts, String hash) {

    /**
     * Reads a prompt file.
     *
     * @param file the file
     * @return the prompts and their hash
     * @throws VivariumException if the file is missing, unreadable or empty
     */
    public static PromptSet read(Path file) {
        List<String> prompts = PromptFile.read(file);
        return new PromptSet(file, prompts, hash(prompts));
    }

    /**
     * Hashes prompts as the activation cache does.
     *
     * @param prompts the prompts
     * @return {@code sha256:<hex>}
     */
    public static String hash(List<String> prompts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : prompts) {
                byte[] b = p.getBytes(StandardCharsets.UTF_8);
                md.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
                md.update(b);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
