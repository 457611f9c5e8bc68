package org.vivarium.plugin.sae.dash;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;

/** Writes {@code dashboards.json}: every latent's statistics, histogram, output tokens and top contexts. */
final class DashboardJson {
    private DashboardJson() {
    }

    static void write(Path file, String hook, String run, long rows, List<LatentCard> cards) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("hook").value(hook).name("run").value(run).name("rows").value(rows);
        w.name("histogram").value("counts of non-zero activations in equal bins over (0, max]");
        w.name("latents").beginArray();
        for (LatentCard c : cards) {
            w.beginObject().name("latent").value(c.latent()).name("feature").value(c.feature()).name("count")
                    .value(c.count()).name("frequency").value(c.frequency()).name("max").value(c.max()).name("mean")
                    .value(c.mean());
            w.name("histogram").beginArray();
            for (long h : c.histogram()) {
                w.value(h);
            }
            w.endArray();
            tokens(w, "promoted", c.promoted());
            tokens(w, "suppressed", c.suppressed());
            w.name("contexts").beginArray();
            for (ContextView v : c.contexts()) {
                w.beginObject().name("seq").value(v.seq()).name("pos").value(v.pos()).name("activation")
                        .value(v.activation()).name("text").value(v.text()).name("span").beginArray()
                        .value(v.spanStart()).value(v.spanEnd()).endArray().name("token_activations")
                        .value(v.tokenActs()).endObject();
            }
            w.endArray().endObject();
        }
        AtomicText.write(file, w.endArray().endObject().toString());
    }

    private static void tokens(JsonWriter w, String name, List<LogitLens.TokenLogit> tokens) {
        w.name(name).beginArray();
        for (LogitLens.TokenLogit t : tokens) {
            w.beginObject().name("id").value(t.id()).name("token").value(t.token()).name("logit").value(t.logit())
                    .endObject();
        }
        w.endArray();
    }
}
