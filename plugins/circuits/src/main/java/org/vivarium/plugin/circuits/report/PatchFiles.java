package org.vivarium.plugin.circuits.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.patch.PatchResult;
import org.vivarium.plugin.circuits.patch.PositionSite;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;

/**
 * Writes a {@link PatchResult}: {@code PREFIX.json} (raw and normalised metrics) and one heatmap per position site
 * ({@code PREFIX_resid_pre.png}, ...) plus {@code PREFIX_heads.png} (rows site x layer, columns heads). Heatmaps
 * show the normalised metric: 0 = the corrupted run, 1 = the clean run.
 */
public final class PatchFiles {
    private PatchFiles() {
    }

    /**
     * Writes the files.
     *
     * @param dir output directory
     * @param prefix file name prefix, e.g. {@code patch}
     * @param r the result
     * @param positions position labels (one per position)
     * @param heads number of heads per layer
     * @return written PNG file names to captions, in order
     */
    public static Map<String, String> write(Path dir, String prefix, PatchResult r, List<String> positions, int heads) {
        return write(dir, prefix, r, positions, heads, "Patching");
    }

    /**
     * Writes the files, with charts titled by what produced the numbers.
     *
     * @param dir output directory
     * @param prefix file name prefix, e.g. {@code attribution}
     * @param r the result
     * @param positions position labels (one per position)
     * @param heads number of heads per layer
     * @param what the chart title's first word(s), e.g. {@code Attribution patching}
     * @return written PNG file names to captions, in order
     */
    public static Map<String, String> write(Path dir, String prefix, PatchResult r, List<String> positions, int heads,
            String what) {
        Map<String, String> images = new LinkedHashMap<>();
        String how = r.direction().id() + " (" + r.metric() + "; 0 = corrupted, 1 = clean)";
        for (Map.Entry<PositionSite, double[][]> e : r.byPosition().entrySet()) {
            double[][] m = r.normalized(e.getValue());
            String file = prefix + "_" + e.getKey().id() + ".png";
            if (Plots.heatmap(dir.resolve(file), what + " " + e.getKey().id() + " per layer and position", m,
                    Plots.layers(m.length), positions, "normalised")) {
                images.put(file, e.getKey().id() + " patched per layer and position, " + how);
            }
        }
        if (!r.byHead().isEmpty()) {
            List<String> rows = new ArrayList<>();
            List<double[]> m = new ArrayList<>();
            for (Map.Entry<HeadSite, double[][]> e : r.byHead().entrySet()) {
                double[][] n = r.normalized(e.getValue());
                for (int l = 0; l < n.length; l++) {
                    rows.add(e.getKey().id() + " L" + l);
                    m.add(n[l]);
                }
            }
            String file = prefix + "_heads.png";
            if (Plots.heatmap(dir.resolve(file), what + " per head (all positions)", m.toArray(double[][]::new),
                    rows, Plots.heads(heads), "normalised")) {
                images.put(file, "per-head patching of z, q, k, v and pattern, " + how);
            }
        }
        AtomicText.write(dir.resolve(prefix + ".json"), json(r, positions));
        return images;
    }

    static String json(PatchResult r, List<String> positions) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value("vivarium-circuits-patch/1");
        w.name("metric").value(r.metric());
        w.name("direction").value(r.direction().id());
        w.name("clean").value(r.clean());
        w.name("corrupted").value(r.corrupted());
        w.name("positions").beginArray();
        positions.forEach(w::value);
        w.endArray();
        w.name("by_position").beginObject();
        r.byPosition().forEach((site, m) -> {
            w.name(site.id()).beginObject();
            Json.matrix(w, "metric", m);
            Json.matrix(w, "normalized", r.normalized(m));
            w.endObject();
        });
        w.endObject();
        w.name("by_head").beginObject();
        r.byHead().forEach((site, m) -> {
            w.name(site.id()).beginObject();
            Json.matrix(w, "metric", m);
            Json.matrix(w, "normalized", r.normalized(m));
            w.endObject();
        });
        w.endObject();
        return w.endObject().toString();
    }
}
