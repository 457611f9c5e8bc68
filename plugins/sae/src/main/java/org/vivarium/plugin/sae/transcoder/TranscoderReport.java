package org.vivarium.plugin.sae.transcoder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * The summary of one transcoder run: printed, {@code report.md} and {@code transcoder.json}.
 *
 * @param run the cached run
 * @param inputHook the MLP input hook
 * @param targetHook the MLP output hook
 * @param settings the hyper-parameters
 * @param eval held-out reconstruction metrics
 * @param ce the cross-entropy measurement
 * @param trainSeconds wall time of the training
 */
public record TranscoderReport(String run, String inputHook, String targetHook, TranscoderSettings settings,
        TranscoderEval eval, CeRecovered ce, double trainSeconds) {

    /** @return the figures by name (also stored in {@code sae.json}) */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("variance_explained", eval.varianceExplained());
        m.put("l0", eval.meanL0());
        m.put("dead_fraction", (double) eval.dead() / settings.latents());
        m.put("eval_rows", (double) eval.rows());
        m.put("ce_loss_clean", ce.clean());
        m.put("ce_loss_zero_ablated", ce.zeroAblated());
        m.put("ce_loss_transcoder", ce.transcoder());
        m.put("ce_loss_recovered", ce.recovered());
        m.put("ce_tokens", (double) ce.tokens());
        m.put("train_seconds", trainSeconds);
        return m;
    }

    /** @return the Markdown summary */
    public String markdown() {
        Table t = Table.of("metric", "value")
                .row("variance explained of " + targetHook + " (held-out rows)", String.format("%.4f",
                        eval.varianceExplained()))
                .row("CE loss: clean / MLP zero-ablated / transcoder (nats per token)", String.format(
                        "%.4f / %.4f / %.4f", ce.clean(), ce.zeroAblated(), ce.transcoder()))
                .row("CE loss recovered (L_zero - L_tc) / (L_zero - L_clean)", String.format("%.4f", ce.recovered()))
                .row("held-out tokens scored", String.format("%,d", ce.tokens()))
                .row("mean L0", String.format("%.2f", eval.meanL0()))
                .row("dead latents (held out)", eval.dead() + " / " + settings.latents())
                .row("training time", String.format("%.1f s", trainSeconds));
        return "# Transcoder " + inputHook + " -> " + targetHook + " (run " + run + ")\n\nTopK, " + settings.latents()
                + " latents, k " + settings.k() + ", " + settings.steps() + " steps x " + settings.batch() + ", lr "
                + settings.lr() + ", seed " + settings.seed() + "\n\n" + MarkdownTable.of(t).render();
    }

    /**
     * Writes {@code report.md} and {@code transcoder.json}.
     *
     * @param dir the directory
     */
    public void write(Path dir) {
        AtomicText.write(dir.resolve("report.md"), markdown());
        JsonWriter w = new JsonWriter().beginObject();
        w.name("kind").value("transcoder").name("run").value(run).name("input_hook").value(inputHook)
                .name("target_hook").value(targetHook).name("latents").value(settings.latents()).name("k")
                .value(settings.k()).name("ablation").value("zero: " + targetHook + " set to 0");
        for (Map.Entry<String, Double> e : metrics().entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        AtomicText.write(dir.resolve("transcoder.json"), w.endObject().toString());
    }
}
