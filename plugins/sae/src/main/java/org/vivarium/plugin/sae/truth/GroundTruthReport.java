package org.vivarium.plugin.sae.truth;

import java.nio.file.Path;
import org.vivarium.plugin.sae.train.EvalMetrics;
import org.vivarium.plugin.sae.train.SaeConfig;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * The summary of one {@code viv sae groundtruth} run as Markdown (printed and {@code report.md}) and JSON
 * ({@code groundtruth.json}).
 *
 * @param run the organism run
 * @param density the sweep model's 1-S
 * @param config the SAE's hyper-parameters
 * @param duplicateCosine the duplicate threshold
 * @param result what the run gave
 */
public record GroundTruthReport(String run, String density, SaeConfig config, double duplicateCosine,
        GroundTruthRun.Result result) {

    /** @return the metrics table and the per-feature cosines, in Markdown */
    public String markdown() {
        FeatureRecovery f = result.recovery();
        EvalMetrics m = result.train().metrics();
        Table t = Table.of("metric", "value")
                .row("MMCS (mean over represented features of the max decoder cosine)", String.format("%.4f",
                        f.mmcs()))
                .row("MMCS of a random dictionary of the same size (control)", String.format("%.4f",
                        result.control().mmcs()))
                .row("features with max cosine >= 0.9", f.recoveredAt90() + " / " + result.truth().directions().length
                        + " represented (of " + result.truth().total() + ")")
                .row("dead latents (never fired on held-out rows)", f.dead() + " / " + f.latents())
                .row("duplicate latents (decoder cosine > " + duplicateCosine + " with a lower live latent)",
                        String.valueOf(f.duplicates()))
                .row("explained variance (held out)", String.format("%.4f", m.explainedVariance()))
                .row("mean L0", String.format("%.2f", m.meanL0()))
                .row("rows trained / held out", result.trainRows() + " / " + result.evalRows());
        Table per = Table.of("feature", "max cosine", "latent");
        for (int i = 0; i < f.maxCosine().length; i++) {
            per.row(result.truth().indices()[i], String.format("%.4f", f.maxCosine()[i]), f.bestLatent()[i]);
        }
        return "# SAE against ground truth: " + run + ", 1-S = " + density + "\n\n" + config.kind().label() + " SAE, "
                + config.latents() + " latents, " + (config.kind() == org.vivarium.plugin.sae.math.SaeKind.TOPK ? "k " + config.k()
                        : "l1 " + config.l1()) + ", " + config.steps() + " steps x " + config.batch() + ", lr "
                + config.lr() + ", seed " + config.seed() + "\n\n" + MarkdownTable.of(t).render() + "\n"
                + MarkdownTable.of(per).render();
    }

    /**
     * Writes {@code report.md} and {@code groundtruth.json} into a directory.
     *
     * @param dir the directory (created)
     */
    public void write(Path dir) {
        AtomicText.write(dir.resolve("report.md"), markdown());
        FeatureRecovery f = result.recovery();
        EvalMetrics m = result.train().metrics();
        JsonWriter w = new JsonWriter().beginObject();
        w.name("run").value(run).name("feature_density").value(density).name("kind").value(config.kind().label())
                .name("latents").value(config.latents()).name("k").value(config.k()).name("l1").value(config.l1())
                .name("steps").value(config.steps()).name("batch").value(config.batch()).name("lr").value(config.lr())
                .name("seed").value(config.seed());
        w.name("mmcs").value(f.mmcs()).name("mmcs_random_control").value(result.control().mmcs())
                .name("features_at_0_9").value(f.recoveredAt90())
                .name("represented_features").value(result.truth().directions().length)
                .name("dead_latents").value(f.dead()).name("duplicate_latents").value(f.duplicates())
                .name("duplicate_cosine").value(duplicateCosine)
                .name("explained_variance").value(m.explainedVariance()).name("l0").value(m.meanL0());
        w.name("per_feature").beginArray();
        for (int i = 0; i < f.maxCosine().length; i++) {
            w.beginObject().name("feature").value(result.truth().indices()[i]).name("max_cosine")
                    .value(f.maxCosine()[i]).name("latent").value(f.bestLatent()[i]).endObject();
        }
        w.endArray().endObject();
        AtomicText.write(dir.resolve("groundtruth.json"), w.toString());
    }
}
