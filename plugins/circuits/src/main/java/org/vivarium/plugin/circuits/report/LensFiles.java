package org.vivarium.plugin.circuits.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.plugin.circuits.lens.DlaResult;
import org.vivarium.plugin.circuits.lens.LensResult;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;
import org.vivarium.report.plot.BarPlot;

/**
 * Writes the lens command's files: {@code lens.json}, {@code lens.png} (log-probability of the actual next token,
 * per row and position), {@code dla_heads.png} ({@code [layer][head]}) and {@code dla_layers.png}.
 */
public final class LensFiles {
    private LensFiles() {
    }

    /**
     * Writes the files.
     *
     * @param dir output directory
     * @param lens the logit lens
     * @param dla the attribution, or null (post-LN models)
     * @param tokens the prompt
     * @param tok its tokenizer
     * @param cfg the model
     * @return written PNG names to captions
     */
    public static Map<String, String> write(Path dir, LensResult lens, DlaResult dla, int[] tokens, Tokenizer tok,
            ModelConfig cfg) {
        Map<String, String> images = new LinkedHashMap<>();
        if (Plots.heatmap(dir.resolve("lens.png"), "Logit lens: log p(next token)", lens.nextLogProb(), lens.rows(),
                Plots.positions(tokens, tok), "log p")) {
            images.put("lens.png", "logit lens: log-probability of the actual next token read before each block");
        }
        if (dla != null) {
            if (Plots.heatmap(dir.resolve("dla_heads.png"), "Direct logit attribution per head: " + dla.direction(),
                    dla.heads(), Plots.layers(cfg.nLayers()), Plots.heads(cfg.nHeads()), "logit")) {
                images.put("dla_heads.png", "each head's direct contribution to " + dla.direction());
            }
            List<String> cats = new ArrayList<>(List.of("embed", "pos"));
            List<Double> vals = new ArrayList<>(List.of(dla.embed(), dla.posEmbed()));
            for (int l = 0; l < cfg.nLayers(); l++) {
                cats.add("L" + l + " attn");
                vals.add(dla.attention(l));
                if (dla.mlp().length > 0) {
                    cats.add("L" + l + " mlp");
                    vals.add(dla.mlp()[l]);
                }
            }
            BarPlot.builder().title("Direct logit attribution per layer: " + dla.direction()).yLabel("logit")
                    .categories(cats).series("contribution", vals.stream().mapToDouble(Double::doubleValue).toArray())
                    .build().write(dir.resolve("dla_layers.png"));
            images.put("dla_layers.png", "each layer's direct contribution to " + dla.direction());
        }
        AtomicText.write(dir.resolve("lens.json"), json(lens, dla, tokens, tok));
        return images;
    }

    private static String json(LensResult lens, DlaResult dla, int[] tokens, Tokenizer tok) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value("vivarium-circuits-lens/1");
        w.name("tokens").beginArray();
        for (int t : tokens) {
            w.value(tok.tokenText(t));
        }
        w.endArray();
        w.name("rows").beginArray();
        lens.rows().forEach(w::value);
        w.endArray();
        Json.matrix(w, "next_token_logprob", lens.nextLogProb());
        w.name("position").value(lens.position());
        w.name("top").beginArray();
        for (List<LensResult.TokenScore> row : lens.top()) {
            w.beginArray();
            for (LensResult.TokenScore s : row) {
                w.beginObject().name("token").value(s.text()).name("id").value(s.token()).name("prob").value(s.prob())
                        .endObject();
            }
            w.endArray();
        }
        w.endArray();
        if (lens.answer() >= 0) {
            w.name("answer").value(tok.tokenText(lens.answer()));
            Json.vector(w, "answer_logprob", lens.answerLogProb());
        }
        if (dla != null) {
            w.name("dla").beginObject();
            w.name("direction").value(dla.direction());
            w.name("actual").value(dla.actual());
            w.name("sum").value(dla.sum());
            w.name("frozen_ln_scale").value(dla.frozenScale() ? 1 : 0);
            w.name("embed").value(dla.embed());
            w.name("pos_embed").value(dla.posEmbed());
            Json.matrix(w, "heads", dla.heads());
            Json.vector(w, "attn_bias", dla.attnBias());
            Json.vector(w, "mlp", dla.mlp());
            w.name("constant").value(dla.constant());
            w.endObject();
        }
        return w.endObject().toString();
    }
}
