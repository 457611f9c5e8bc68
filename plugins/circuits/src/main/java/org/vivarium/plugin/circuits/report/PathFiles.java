package org.vivarium.plugin.circuits.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.plugin.circuits.path.PathGrid;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;

/**
 * Writes a {@link PathGrid}: {@code path.json} (raw and normalised metrics) and {@code path.png}, a heatmap of
 * sender heads (rows) against receiver inputs (columns), with each sender's whole effect as the last column.
 * Values are normalised: 1 = the clean run, 0 = the corrupted one.
 */
public final class PathFiles {
    private PathFiles() {
    }

    /**
     * Writes the files.
     *
     * @param dir output directory
     * @param g the grid
     * @return whether the heatmap was written (not when every value is undefined)
     */
    public static boolean write(Path dir, PathGrid g) {
        double[][] n = g.normalizedPaths();
        double[][] m = new double[n.length][];
        for (int i = 0; i < n.length; i++) {
            m[i] = java.util.Arrays.copyOf(n[i], n[i].length + 1);
            m[i][n[i].length] = g.normalized(g.whole()[i]);
        }
        List<String> cols = new ArrayList<>(g.columns());
        cols.add("whole z");
        boolean png = Plots.heatmap(dir.resolve("path.png"), "Path patching, sender head -> receiver input", m,
                senders(g), cols, "normalised (1 = clean)");
        AtomicText.write(dir.resolve("path.json"), json(g));
        return png;
    }

    static List<String> senders(PathGrid g) {
        return g.senders().stream().map(h -> "L" + h.layer() + "H" + h.head()).toList();
    }

    static String json(PathGrid g) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value("vivarium-circuits-path/1");
        w.name("metric").value(g.metric());
        w.name("method").value("two-pass path patching (noising): senders' z from the corrupted run, all other"
                + " heads and MLPs frozen to clean, receivers' q/k/v cached, then patched into a clean run");
        w.name("clean").value(g.clean());
        w.name("corrupted").value(g.corrupted());
        w.name("senders").beginArray();
        for (HeadRef h : g.senders()) {
            w.value("L" + h.layer() + "H" + h.head());
        }
        w.endArray();
        w.name("columns").beginArray();
        g.columns().forEach(w::value);
        w.endArray();
        Json.matrix(w, "metric", g.patched());
        Json.matrix(w, "normalized", g.normalizedPaths());
        Json.vector(w, "whole_metric", g.whole());
        double[] wn = new double[g.whole().length];
        for (int i = 0; i < wn.length; i++) {
            wn[i] = g.normalized(g.whole()[i]);
        }
        Json.vector(w, "whole_normalized", wn);
        return w.endObject().toString();
    }
}
