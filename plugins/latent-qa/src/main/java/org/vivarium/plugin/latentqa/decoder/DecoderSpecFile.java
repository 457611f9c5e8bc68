package org.vivarium.plugin.latentqa.decoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonReader;
import org.vivarium.report.io.JsonWriter;

/** Writes and reads {@value #FILE}, the {@link DecoderSpec} beside a decoder's checkpoint. */
public final class DecoderSpecFile {
    /** The file name in the decoder directory. */
    public static final String FILE = "latent-qa.json";

    private DecoderSpecFile() {
    }

    /**
     * Writes the spec atomically.
     *
     * @param dir the decoder directory
     * @param spec the spec
     */
    public static void write(Path dir, DecoderSpec spec) {
        JsonWriter w = new JsonWriter().beginObject()
                .name("read_hook").value(spec.readHook())
                .name("inject_hook").value(spec.injectHook())
                .name("inject_position").value(0L)
                .name("target_norm").value(spec.targetNorm())
                .name("scale").value(spec.scale())
                .name("questions").beginArray();
        for (Question q : spec.questions()) {
            w.beginObject().name("key").value(q.key()).name("text").value(q.text()).name("answers").beginArray();
            q.answers().forEach(w::value);
            w.endArray().endObject();
        }
        AtomicText.write(dir.resolve(FILE), w.endArray().endObject() + "\n");
    }

    /**
     * Reads the spec.
     *
     * @param dir the decoder directory
     * @return the spec
     * @throws VivariumException if the file is missing or malformed
     */
    @SuppressWarnings("unchecked")
    public static DecoderSpec read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new VivariumException("no " + FILE + " in " + dir + ", so it is not a latent-QA decoder",
                    "pass the --out directory of 'viv latent-qa train'");
        }
        try {
            Map<String, Object> m = (Map<String, Object>) JsonReader.parse(Files.readString(f));
            List<Question> qs = new ArrayList<>();
            for (Object o : (List<Object>) m.get("questions")) {
                Map<String, Object> q = (Map<String, Object>) o;
                qs.add(new Question((String) q.get("key"), (String) q.get("text"),
                        ((List<Object>) q.get("answers")).stream().map(String.class::cast).toList()));
            }
            return new DecoderSpec((String) m.get("read_hook"), (String) m.get("inject_hook"),
                    ((Double) m.get("target_norm")).floatValue(), ((Double) m.get("scale")).floatValue(), qs);
        } catch (IOException | RuntimeException e) {
            throw new VivariumException(f + " is malformed (" + e.getMessage() + ")",
                    "retrain the decoder with 'viv latent-qa train'", e);
        }
    }
}
