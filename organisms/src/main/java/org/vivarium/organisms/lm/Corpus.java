package org.vivarium.organisms.lm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.Provenances;

/**
 * Text to train on: the embedded State of the Union sample, or a user file.
 *
 * @param name where it came from
 * @param text the text
 * @param sha256 hash of the UTF-8 bytes
 */
public record Corpus(String name, String text, String sha256) {
    /** Resource path of the embedded corpus. */
    public static final String EMBEDDED = "sotu-1990-2021.txt.gz";

    /** @return the corpus shipped in the jar (no download) */
    public static Corpus embedded() {
        try (InputStream in = Corpus.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new VivariumException("embedded corpus " + EMBEDDED + " is missing from the jar",
                        "rebuild with 'mvn -B -ntp -DskipTests package'");
            }
            byte[] bytes = new GZIPInputStream(in).readAllBytes();
            return new Corpus("embedded:" + EMBEDDED, new String(bytes, StandardCharsets.UTF_8),
                    Provenances.sha256(bytes));
        } catch (IOException e) {
            throw new VivariumException("cannot read the embedded corpus: " + e.getMessage(),
                    "rebuild with 'mvn -B -ntp -DskipTests package'", e);
        }
    }

    /**
     * Reads a UTF-8 text file (gzip if it ends in {@code .gz}).
     *
     * @param file the file
     * @return the corpus
     */
    public static Corpus fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("corpus file " + file + " does not exist",
                    "pass an existing UTF-8 text file with --corpus, or omit it to use the embedded corpus");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (file.toString().endsWith(".gz")) {
                bytes = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.length() < 10_000) {
                throw new VivariumException("corpus " + file + " has only " + text.length() + " characters",
                        "use at least 10,000 characters of text");
            }
            return new Corpus(file.toString(), text, Provenances.sha256(bytes));
        } catch (IOException e) {
            throw new VivariumException("cannot read corpus " + file + ": " + e.getMessage(),
                    "check the file is readable UTF-8 text", e);
        }
    }
}
