package org.vivarium.plugin.circuits.report;

import java.nio.file.Path;
import java.util.Locale;
import org.vivarium.plugin.circuits.acdc.AcdcResult;
import org.vivarium.plugin.circuits.acdc.Edge;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;

/** Writes an ACDC result: {@code acdc.json} (every edge's decision, the circuit, the metrics) and {@code acdc.svg}. */
public final class AcdcFiles {
    private AcdcFiles() {
    }

    /**
     * Writes both files.
     *
     * @param dir output directory
     * @param r the result
     * @param task the task name, e.g. {@code induction}
     */
    public static void write(Path dir, AcdcResult r, String task) {
        String title = "ACDC circuit (" + task + "), tau = " + r.tau() + ": " + r.kept().size() + " of "
                + r.graph().edges().size() + " edges";
        String sub = String.format(Locale.ROOT, "keeps %.3f of the loss gap (nats: clean %.3f, corrupted %.3f, circuit"
                + " %.3f); KL to clean %.3f", r.loss().kept(), r.loss().clean(), r.loss().corrupted(),
                r.loss().circuit(), r.score().circuit());
        AtomicText.write(dir.resolve("acdc.svg"), CircuitSvg.render(r, title, sub));
        AtomicText.write(dir.resolve("acdc.json"), json(r, task));
    }

    static String json(AcdcResult r, String task) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value("vivarium-circuits-acdc/1");
        w.name("task").value(task);
        w.name("tau").value(r.tau());
        w.name("score_metric").value(r.scoreMetric());
        scores(w, "score", r.score());
        w.name("loss_metric").value(r.lossMetric());
        scores(w, "loss", r.loss());
        w.name("passes").value(r.passes());
        w.name("nodes").beginArray();
        r.nodes().forEach(n -> w.value(n.id()));
        w.endArray();
        w.name("circuit").beginArray();
        r.graph().edges().stream().filter(r.kept()::contains).forEach(x -> edge(w, x));
        w.endArray();
        w.name("decisions").beginArray();
        for (AcdcResult.Decision d : r.decisions()) {
            w.beginObject();
            w.name("edge").value(d.edge().id());
            w.name("change").value(d.change());
            w.name("decision").value(d.untested() ? "untested" : d.kept() ? "kept" : "removed");
            w.endObject();
        }
        w.endArray();
        return w.endObject().toString();
    }

    private static void edge(JsonWriter w, Edge x) {
        w.beginObject();
        w.name("id").value(x.id());
        w.name("sender").value(x.sender().id());
        w.name("receiver").value(x.receiver().id());
        w.name("input").value(x.port().id());
        w.endObject();
    }

    private static void scores(JsonWriter w, String name, AcdcResult.Scores s) {
        w.name(name).beginObject();
        w.name("clean").value(s.clean());
        w.name("corrupted").value(s.corrupted());
        w.name("circuit").value(s.circuit());
        w.name("kept_fraction").value(s.kept());
        w.endObject();
    }
}
