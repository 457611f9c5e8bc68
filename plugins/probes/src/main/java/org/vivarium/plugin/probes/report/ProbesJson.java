package org.vivarium.plugin.probes.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.plugin.probes.fit.ProbeResult;
import org.vivarium.plugin.probes.math.LinearProbe;
import org.vivarium.plugin.probes.math.MlpProbe;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;

/**
 * Writes {@code probes.json}: format tag, provenance and, per probe, its scores, bias and direction in
 * the raw activation space ({@code score = direction · x + bias}, class 1 when positive).
 */
public final class ProbesJson {
    /** The file name inside the output directory. */
    public static final String FILE = "probes.json";
    /** The format tag written at the top of the file. */
    public static final String FORMAT = "vivarium-probes/1";

    private ProbesJson() {
    }

    /**
     * Renders the JSON text.
     *
     * @param prov where the fit came from
     * @param results the probes
     * @return the JSON document
     */
    public static String render(FitProvenance prov, List<ProbeResult> results) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value(FORMAT);
        w.name("provenance").beginObject();
        w.name("kind").value("probe");
        w.name("recipe").value("method/probes");
        w.name("checkpoint").value(prov.checkpoint());
        w.name("model_name").value(prov.modelName());
        model(w, prov.model());
        w.name("data_file").value(prov.dataFile());
        w.name("data_sha256").value(prov.dataSha256());
        w.name("prompts").value(prov.prompts());
        w.name("seed").value(prov.settings().seed());
        w.name("settings");
        map(w, prov.settings().asMap());
        w.name("created_at").value(prov.createdAt());
        w.endObject();
        w.name("probes").beginArray();
        for (ProbeResult r : results) {
            w.beginObject();
            w.name("feature").value(r.featureId());
            w.name("hook").value(r.hook());
            w.name("layer").value(r.layer());
            w.name("kind").value(r.probe().kind().id());
            w.name("accuracy").value(r.test().accuracy());
            w.name("auroc").value(r.test().auroc());
            w.name("train_accuracy").value(r.train().accuracy());
            w.name("train_auroc").value(r.train().auroc());
            w.name("n_train").value(r.train().size());
            w.name("n_test").value(r.test().size());
            r.validation().ifPresent(v -> {
                w.name("validation_accuracy").value(v.accuracy());
                w.name("validation_auroc").value(v.auroc());
                w.name("n_validation").value(v.size());
            });
            w.name("width").value(r.probe().width());
            if (r.probe() instanceof LinearProbe linear) {
                w.name("bias").value(linear.bias());
                w.name("direction").value(linear.direction());
            } else if (r.probe() instanceof MlpProbe mlp) {
                w.name("hidden").value(MlpProbe.HIDDEN);
                w.name("best_epoch").value(mlp.bestEpoch());
                w.name("epochs").value(mlp.epochs());
                w.name("validation_loss").value(mlp.validationLoss());
            }
            w.endObject();
        }
        return w.endArray().endObject().toString();
    }

    /**
     * Writes the file atomically.
     *
     * @param outDir the output directory
     * @param prov where the fit came from
     * @param results the probes
     * @return the written file
     */
    public static Path write(Path outDir, FitProvenance prov, List<ProbeResult> results) {
        Path file = outDir.resolve(FILE);
        AtomicText.write(file, render(prov, results));
        return file;
    }

    private static void model(JsonWriter w, Provenance p) {
        w.name("model").beginObject();
        if (p != null) {
            w.name("kind").value(p.kind());
            w.name("recipe").value(p.recipe());
            w.name("seed").value(p.seed());
            w.name("data_hash").value(p.dataHash());
            w.name("code_version").value(p.codeVersion());
            w.name("parent").value(p.parent());
            w.name("created_at").value(p.createdAt());
        }
        w.endObject();
    }

    private static void map(JsonWriter w, Map<String, String> m) {
        w.beginObject();
        m.forEach((k, v) -> w.name(k).value(v));
        w.endObject();
    }
}
