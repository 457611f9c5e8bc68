package org.vivarium.plugin.lorainterp.report;

import java.nio.file.Path;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.TargetAnalysis;
import org.vivarium.plugin.lorainterp.math.Vectors;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;

/**
 * Writes {@value #FILE}: per adapted weight its sites, singular values, the oriented unit output and input
 * directions, the sign rule and the cosines, so the directions can be reused (e.g. compared across runs).
 */
public final class DirectionsJson {
    /** The file name. */
    public static final String FILE = "lora-directions.json";
    /** The format tag. */
    public static final String FORMAT = "vivarium-lora-directions/1";

    private DirectionsJson() {
    }

    /**
     * Renders the document.
     *
     * @param a the analysis
     * @return the JSON text
     */
    public static String render(LoraAnalysis a) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value(FORMAT);
        a.contrastModel().ifPresent(m -> w.name("contrast_model").value(m));
        w.name("positive_prompts").value(a.positives()).name("negative_prompts").value(a.negatives());
        w.name("weights").beginArray();
        for (TargetAnalysis t : a.targets()) {
            w.beginObject().name("target").value(t.target()).name("rank").value(t.rank()).name("scale")
                    .value(t.scale());
            t.site().ifPresent(s -> w.name("input_hook").value(s.input().path()).name("output_hook")
                    .value(s.output().path()));
            w.name("singular_values").value(Vectors.toFloat(t.spectrum().sigma()));
            w.name("sign_rule").value(t.orientation().rule());
            number(w, "cos_mean_diff", t.cosMeanDifference());
            number(w, "random_cos_quantile", t.randomQuantile());
            number(w, "cos_direction", t.cosReference());
            number(w, "output_magnitude", t.outputMagnitude());
            t.site().flatMap(s -> s.landing()).ifPresent(h -> w.name("landing_hook").value(h.path()));
            w.name("cos_by_residual_site").value(Vectors.toFloat(t.cosineBySite()));
            w.name("output_direction").value(Vectors.toFloat(t.outputDirection()));
            w.name("input_direction").value(Vectors.toFloat(t.inputDirection()));
            w.endObject();
        }
        return w.endArray().endObject().toString();
    }

    /**
     * Writes the document atomically.
     *
     * @param outDir the directory
     * @param a the analysis
     * @return the file
     */
    public static Path write(Path outDir, LoraAnalysis a) {
        Path file = outDir.resolve(FILE);
        AtomicText.write(file, render(a));
        return file;
    }

    private static void number(JsonWriter w, String name, double v) {
        if (Double.isFinite(v)) {
            w.name(name).value(v);
        }
    }
}
