package org.vivarium.plugin.circuits.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.plugin.circuits.composition.CompositionKind;
import org.vivarium.plugin.circuits.composition.CompositionScores;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;

/** Writes {@code composition.json} and {@code composition_q|k|v.png} (rows write, columns read). */
public final class CompositionFiles {
    private CompositionFiles() {
    }

    /**
     * Writes the files.
     *
     * @param dir output directory
     * @param s the scores
     * @return written PNG names to captions
     */
    public static Map<String, String> write(Path dir, CompositionScores s) {
        Map<String, String> images = new LinkedHashMap<>();
        List<String> writers = s.writers().stream().map(HeadRef::toString).toList();
        List<String> readers = s.readers().stream().map(HeadRef::toString).toList();
        for (CompositionKind k : CompositionKind.values()) {
            String file = "composition_" + k.id() + ".png";
            if (Plots.heatmap(dir.resolve(file), k.name() + "-composition (row head writes, column head reads)",
                    s.matrix(k), writers, readers, "score")) {
                images.put(file, String.format(Locale.ROOT, "%s-composition scores (random matrices: %.3f +- %.3f)",
                        k.name(), s.baselineMean(), s.baselineSd()));
            }
        }
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value("vivarium-circuits-composition/1");
        w.name("writers").beginArray();
        writers.forEach(w::value);
        w.endArray().name("readers").beginArray();
        readers.forEach(w::value);
        w.endArray();
        for (CompositionKind k : CompositionKind.values()) {
            Json.matrix(w, k.id(), s.matrix(k));
        }
        w.name("random_mean").value(s.baselineMean());
        w.name("random_sd").value(s.baselineSd());
        w.name("random_samples").value(CompositionScores.BASELINE_SAMPLES);
        AtomicText.write(dir.resolve("composition.json"), w.endObject().toString());
        return images;
    }
}
