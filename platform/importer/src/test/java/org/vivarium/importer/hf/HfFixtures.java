package org.vivarium.importer.hf;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * The committed tiny Hugging Face fixtures under {@code src/test/resources/hf/NAME} (written by
 * {@code tools/hf_reference.py}) and their reference logits.
 */
final class HfFixtures {
    private HfFixtures() {
    }

    /** The fixture's directory on the test classpath. */
    static Path dir(String name) {
        URL u = HfFixtures.class.getResource("/hf/" + name + "/config.json");
        if (u == null) {
            throw new IllegalStateException("fixture hf/" + name + " is not on the test classpath");
        }
        try {
            return Path.of(u.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of a fixture, to edit for bad-input tests. */
    static Path copy(String name, Path into) throws IOException {
        Path to = Files.createDirectories(into.resolve(name));
        try (Stream<Path> files = Files.list(dir(name))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** The token ids the reference logits were computed for. */
    static int[][] tokens(String name) {
        JsonArray rows = reference(name).getAsJsonArray("token_ids");
        int[][] out = new int[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonArray r = rows.get(i).getAsJsonArray();
            out[i] = new int[r.size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = r.get(j).getAsInt();
            }
        }
        return out;
    }

    /** The reference logits, row-major {@code [batch, pos, vocab]}. */
    static float[] logits(String name) {
        JsonArray a = reference(name).getAsJsonArray("logits");
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    private static JsonObject reference(String name) {
        return JsonFiles.readObject(dir(name).resolve("reference.json"), "rerun tools/hf_reference.py");
    }
}
