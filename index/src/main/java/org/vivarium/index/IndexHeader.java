package org.vivarium.index;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vivarium.api.VivariumException;

/**
 * The {@value #FILE_NAME} file that marks a directory as a Vivarium context index: magic, format name
 * and format version, checked on open (in the spirit of Lucene's {@code CodecUtil} headers).
 */
final class IndexHeader {
    /** Header file name inside the index directory. */
    static final String FILE_NAME = "vivarium-index.json";
    /** Magic value identifying the file. */
    static final String MAGIC = "vivarium-context-index";
    /** Storage format name. */
    static final String FORMAT = "lucene9-contexts";
    /** Current format version; bump on incompatible schema changes. */
    static final int VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private IndexHeader() {
    }

    /**
     * Writes the header atomically (temp file in the same directory, then rename).
     *
     * @param dir the index directory, which must exist
     * @throws IOException if the file cannot be written
     */
    static void write(Path dir) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("magic", MAGIC);
        json.addProperty("format", FORMAT);
        json.addProperty("version", VERSION);
        json.addProperty("lucene", org.apache.lucene.util.Version.LATEST.toString());
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            Files.writeString(tmp, GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks that {@code dir} holds a header this version can read.
     *
     * @param dir an existing, non-empty directory
     * @throws VivariumException if the header is missing, foreign, malformed or newer than supported
     */
    static void check(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new VivariumException(dir + " is not a Vivarium context index (no " + FILE_NAME + ")",
                    "pass an index directory, or a new or empty directory to create one");
        }
        String magic;
        String format;
        int version;
        try {
            JsonObject json = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
            magic = json == null || !json.has("magic") ? "" : json.get("magic").getAsString();
            format = json == null || !json.has("format") ? "" : json.get("format").getAsString();
            version = json == null || !json.has("version") ? -1 : json.get("version").getAsInt();
        } catch (IOException | RuntimeException e) {
            throw new VivariumException(file + " is unreadable or malformed: " + e.getMessage(),
                    "rebuild the index into a new directory", e);
        }
        if (!MAGIC.equals(magic)) {
            throw new VivariumException(file + " does not carry the magic \"" + MAGIC + "\"",
                    "this directory is not a Vivarium context index; pass the right --index directory");
        }
        if (!FORMAT.equals(format)) {
            throw new VivariumException("index " + dir + " has format \"" + format + "\", expected \"" + FORMAT + "\"",
                    "rebuild the index with this version of Vivarium");
        }
        if (version > VERSION) {
            throw new VivariumException("index " + dir + " has format version " + version
                    + ", newer than this Vivarium supports (" + VERSION + ")", "upgrade Vivarium to read it");
        }
        if (version < 1) {
            throw new VivariumException("index " + dir + " has an invalid format version " + version,
                    "rebuild the index with this version of Vivarium");
        }
    }
}
