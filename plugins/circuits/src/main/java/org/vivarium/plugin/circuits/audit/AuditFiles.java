package org.vivarium.plugin.circuits.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.audit.Split;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.plugin.circuits.composition.CompositionKind;
import org.vivarium.plugin.circuits.composition.CompositionScores;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.patch.PatchResult;
import org.vivarium.plugin.circuits.report.Json;
import org.vivarium.plugin.circuits.report.PatchFiles;
import org.vivarium.plugin.circuits.report.Plots;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/** The auditor's files (plots, {@code circuits.json}) and its Markdown. */
final class AuditFiles {
    /** The auditor's JSON, named in its claims' sites. */
    static final String JSON = "circuits.json";

    private AuditFiles() {
    }

    static Map<String, String> write(Path dir, InductionCircuit c, CompositionScores comp, PatchResult denoise,
            PatchResult noise, ModelConfig cfg, int length) {
        Map<String, String> images = new LinkedHashMap<>();
        PartMeasures v = c.validation();
        if (Plots.heatmap(dir.resolve("ablation.png"), "Repeat-loss rise when a head is zero-ablated (validation)",
                v.zeroEffect(), Plots.layers(cfg.nLayers()), Plots.heads(cfg.nHeads()), "nats")) {
            images.put("ablation.png", "rise of the in-context loss when each head is zero-ablated, validation"
                    + " sequences; the circuit's heads are chosen here");
        }
        double[][] att = new double[2 * cfg.nLayers()][];
        List<String> rows = new ArrayList<>();
        for (int l = 0; l < cfg.nLayers(); l++) {
            att[l] = v.attention().previousToken()[l];
            att[cfg.nLayers() + l] = v.attention().induction()[l];
            rows.add("prev-token L" + l);
        }
        for (int l = 0; l < cfg.nLayers(); l++) {
            rows.add("induction L" + l);
        }
        if (Plots.heatmap(dir.resolve("attention.png"), "Attention scores per head (validation)", att, rows,
                Plots.heads(cfg.nHeads()), "mean attention")) {
            images.put("attention.png", "previous-token and prefix-matching (induction) attention per head");
        }
        if (Plots.heatmap(dir.resolve("composition_k.png"), "K-composition (row head writes, column head reads)",
                comp.matrix(CompositionKind.K), labels(comp.writers()), labels(comp.readers()), "score")) {
            images.put("composition_k.png", String.format(Locale.ROOT, "K-composition scores from the weights (random"
                    + " matrices: %.3f +- %.3f)", comp.baselineMean(), comp.baselineSd()));
        }
        List<String> pos = positionLabels(length);
        images.putAll(PatchFiles.write(dir, "patch_denoising", denoise, pos, cfg.nHeads()));
        images.putAll(PatchFiles.write(dir, "patch_noising", noise, pos, cfg.nHeads()));
        AtomicText.write(dir.resolve(JSON), json(c, comp));
        return images;
    }

    private static List<String> positionLabels(int length) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < length; p++) {
            out.add(p < length / 2 ? Integer.toString(p) : "r" + (p - length / 2));
        }
        return out;
    }

    static List<String> labels(List<HeadRef> heads) {
        return heads.stream().map(HeadRef::toString).toList();
    }

    private static String json(InductionCircuit c, CompositionScores comp) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value("vivarium-circuits-audit/1");
        w.name("previous_heads").beginArray();
        labels(c.previous()).forEach(w::value);
        w.endArray().name("induction_heads").beginArray();
        labels(c.induction()).forEach(w::value);
        w.endArray();
        w.name("circuit_supported").value(c.circuitSupported() ? 1 : 0);
        for (Map.Entry<String, Double> e : CircuitsAuditor.metrics(c).entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        part(w, "validation", c.validation());
        part(w, "test", c.test());
        w.name("composition").beginObject();
        w.name("writers").beginArray();
        labels(comp.writers()).forEach(w::value);
        w.endArray().name("readers").beginArray();
        labels(comp.readers()).forEach(w::value);
        w.endArray();
        for (CompositionKind k : CompositionKind.values()) {
            Json.matrix(w, k.id(), comp.matrix(k));
        }
        w.name("random_mean").value(comp.baselineMean());
        w.name("random_sd").value(comp.baselineSd());
        w.endObject();
        return w.endObject().toString();
    }

    private static void part(JsonWriter w, String name, PartMeasures p) {
        w.name(name).beginObject();
        w.name("sequences").value(p.n());
        w.name("first_copy_loss").value(p.firstLoss());
        w.name("repeat_loss").value(p.repeatLoss());
        Json.matrix(w, "zero_ablation_rise", p.zeroEffect());
        Json.matrix(w, "patch_noising_rise", p.patchEffect());
        Json.matrix(w, "previous_token_score", p.attention().previousToken());
        Json.matrix(w, "induction_score", p.attention().induction());
        w.endObject();
    }

    static String markdown(InductionCircuit c, RepeatedSequences seqs, Split split, ModelConfig cfg) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d repeated random-token sequences (a block of %d tokens, then the same"
                + " block again), drawn from the model's vocabulary with seed %d: %d fit (patching heatmaps), %d"
                + " validation (choosing the heads), %d test (the reported effects). The in-context loss is the loss"
                + " on tokens 2..%d of the repeat.%n%n", seqs.size(), seqs.half(), InductionCircuitSearch.SEED,
                split.fitIdx().length, split.validationIdx().length, split.testIdx().length, seqs.half()));
        Table t = Table.of("head", "prev-token attn", "induction attn", "zero-ablation rise", "patch-from-B-A rise");
        PartMeasures v = c.validation();
        for (int l = 0; l < cfg.nLayers(); l++) {
            for (int h = 0; h < cfg.nHeads(); h++) {
                t.row(new HeadRef(l, h).toString(), v.attention().previousToken()[l][h],
                        v.attention().induction()[l][h], v.zeroEffect()[l][h], v.patchEffect()[l][h]);
            }
        }
        md.append("Validation, per head (rises of the in-context loss in nats):\n\n")
                .append(MarkdownTable.of(t).decimals(3).render()).append('\n');
        PartMeasures te = c.test();
        String prev = CircuitsAuditor.names(c.previous());
        String ind = CircuitsAuditor.names(c.induction());
        Table s = Table.of("test measurement", "value");
        s.row("first-copy loss (nats)", te.firstLoss());
        s.row("repeat loss (nats)", te.repeatLoss());
        s.row("rise, all circuit heads zero-ablated", c.testAllZero());
        s.row("rise, all circuit heads mean-ablated", c.testAllMean());
        s.row("rise, all circuit heads patched from B A", c.testAllPatch());
        s.row("rise, " + prev + " zero-ablated", c.testPrevious());
        s.row("rise, " + ind + " zero-ablated", c.testInduction());
        s.row("K-composition " + c.previous().get(0) + " -> " + c.induction().get(0) + " (rank " + c.kRank() + ")",
                c.kComposition());
        s.row("composition of random matrices (mean)", c.baselineMean());
        md.append("Chosen on validation (ranked by the patch-from-B-A rise, smallest set whose joint zero-ablation"
                + " raises the loss by ").append(InductionCircuitSearch.SELECT_EFFECT).append(" nats; claims need ")
                .append(InductionCircuit.MIN_EFFECT).append(" on validation and test): previous-token ")
                .append(prev).append(", induction ").append(ind).append(". Test:\n\n")
                .append(MarkdownTable.of(s).decimals(3).render());
        md.append("\nAttribution patching (gradient x activation difference) is not run: the plugin API exposes no"
                + " gradients with respect to hook activations.\n");
        return md.toString();
    }
}
