package org.vivarium.plugin.probes.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.report.io.JsonReader;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/** Reads a saved {@code probes.json} back and prints its provenance and per-probe scores. */
public final class ProbesSummary {
    private ProbesSummary() {
    }

    /**
     * Reads {@code DIR/probes.json} (or the file itself) and prints a summary.
     *
     * @param given an output directory of {@code viv probes fit}, or a probes.json file
     * @param out where to print
     * @return the number of probes in the file
     * @throws VivariumException if the file is missing or not a probes file
     */
    public static int print(Path given, PrintStream out) {
        Path file = Files.isDirectory(given) ? given.resolve(ProbesJson.FILE) : given;
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("no " + ProbesJson.FILE + " at " + given,
                    "pass the --out directory of 'viv probes fit' (default runs/probes/<model>)");
        }
        Map<String, Object> doc;
        try {
            Object parsed = JsonReader.parse(Files.readString(file));
            if (!(parsed instanceof Map<?, ?> m) || !ProbesJson.FORMAT.equals(m.get("format"))) {
                throw new IllegalArgumentException("format is not " + ProbesJson.FORMAT);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) m;
            doc = typed;
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new VivariumException(file + " is not a readable probes file (" + e.getMessage() + ")",
                    "re-create it with 'viv probes fit'", e);
        }
        Map<String, Object> prov = map(doc.get("provenance"));
        Map<String, Object> model = map(prov.get("model"));
        out.println("probes of " + prov.get("checkpoint") + " (" + model.get("recipe") + ", seed "
                + integer(model.get("seed")) + ")");
        out.println("data " + prov.get("data_file") + " " + prov.get("data_sha256") + ", "
                + integer(prov.get("prompts")) + " prompts; settings " + map(prov.get("settings")));
        Table t = Table.of("feature", "accuracy", "auroc", "n_train", "n_test", "width");
        if (!(doc.get("probes") instanceof List<?> probes)) {
            throw new VivariumException(file + " has no \"probes\" list", "re-create it with 'viv probes fit'");
        }
        for (Object o : probes) {
            Map<String, Object> p = map(o);
            t.row(p.get("feature"), p.get("accuracy"), p.get("auroc"), integer(p.get("n_train")),
                    integer(p.get("n_test")), integer(p.get("width")));
        }
        out.print(MarkdownTable.of(t).render());
        return probes.size();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    private static Object integer(Object o) {
        return o instanceof Double d ? (Object) Long.valueOf(d.longValue()) : o;
    }
}
