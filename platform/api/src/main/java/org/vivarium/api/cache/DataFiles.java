package org.vivarium.api.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.api.VivariumException;

/**
 * Reads a method's input data file (labelled prompts, training examples) strictly: a missing file, an unreadable
 * one and one that is not valid UTF-8 each end in one {@link VivariumException} naming the file and the fix.
 *
 * <pre>{@code
 * String text = DataFiles.readUtf8(path, "pass --data FILE.tsv with one 'label<TAB>text' line per prompt");
 * }</pre>
 *
 * @since 1.2
 */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * Reads a data file's bytes.
     *
     * @param file the file
     * @param missingFix what to tell the user when the file does not exist (how to pass one, its format)
     * @return the bytes
     * @throws VivariumException if the file is missing or unreadable
     */
    public static byte[] readBytes(Path file, String missingFix) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("data file " + file + " does not exist", missingFix);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VivariumException("cannot read data file " + file + ": " + e.getMessage(),
                    "check the file's permissions", e);
        }
    }

    /**
     * Decodes a data file's bytes as UTF-8, rejecting malformed input instead of replacing it.
     *
     * @param bytes the bytes
     * @param file the file they came from, for the message
     * @return the text
     * @throws VivariumException if the bytes are not valid UTF-8
     */
    public static String decodeUtf8(byte[] bytes, Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new VivariumException("data file " + file + " is not valid UTF-8", "save it as UTF-8", e);
        }
    }

    /**
     * Reads a data file as strict UTF-8 text.
     *
     * @param file the file
     * @param missingFix what to tell the user when the file does not exist
     * @return the text
     * @throws VivariumException if the file is missing, unreadable or not valid UTF-8
     */
    public static String readUtf8(Path file, String missingFix) {
        return decodeUtf8(readBytes(file, missingFix), file);
    }
}
