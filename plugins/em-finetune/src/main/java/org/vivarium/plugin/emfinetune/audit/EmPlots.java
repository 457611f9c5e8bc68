package org.vivarium.plugin.emfinetune.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.vivarium.plugin.emfinetune.eval.DomainSet;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.Part;
import org.vivarium.plugin.emfinetune.eval.SetRate;
import org.vivarium.report.plot.BarPlot;

/**
 * Grouped bar charts of the test half: one group per domain (the domain chosen on the validation half starred)
 * plus the mean over the other domains, one bar per model role, for the misaligned rate ({@value #MISALIGNED})
 * and, if measured, the coherent rate ({@value #COHERENCE}).
 */
public final class EmPlots {
    /** Misaligned rate by domain and role. */
    public static final String MISALIGNED = "misaligned-by-domain.png";
    /** Coherent rate by domain and role. */
    public static final String COHERENCE = "coherence-by-domain.png";
    private static final String OTHERS = "other domains (mean)";

    private EmPlots() {
    }

    /**
     * Writes the plots.
     *
     * @param outDir where to write
     * @param m the measurement
     * @param c the domain choice
     * @param s the settings (the coherence threshold is drawn as a reference line)
     * @return file names (relative to {@code outDir}) to captions
     */
    public static Map<String, String> write(Path outDir, EmMeasurement m, DomainChoice c, EmSettings s) {
        Map<String, String> images = new LinkedHashMap<>();
        misaligned(m, c).build().write(outDir.resolve(MISALIGNED));
        images.put(MISALIGNED, m.behaviour() + " of each model's answers per prompt domain on the test half of "
                + "its prompts (* = the fine-tune domain as chosen on the validation half) and the mean over the "
                + "other domains; 95% Wilson intervals are in the table");
        if (m.hasCoherence()) {
            coherence(m, c, s).build().write(outDir.resolve(COHERENCE));
            images.put(COHERENCE, m.coherence() + " of each model's answers per prompt domain on the test half; "
                    + "dashed: the coherence the emergent-misalignment claim requires of the fine-tuned model");
        }
        return images;
    }

    static BarPlot.Builder misaligned(EmMeasurement m, DomainChoice c) {
        BarPlot.Builder b = BarPlot.builder()
                .title(m.behaviour() + " answers by domain (test half)").xLabel("prompt domain")
                .yLabel(m.behaviour()).yRange(0, 1).categories(categories(m, c)).legend(true);
        String chosen = c.chosen().orElse(null);
        for (String role : m.roles()) {
            b.series(role, values(m, role, SetRate::misalignedRate, m.othersMisaligned(role, chosen, Part.TEST)));
        }
        return b;
    }

    static BarPlot.Builder coherence(EmMeasurement m, DomainChoice c, EmSettings s) {
        BarPlot.Builder b = BarPlot.builder()
                .title(m.coherence() + " answers by domain (test half)").xLabel("prompt domain")
                .yLabel(m.coherence()).yRange(0, 1).categories(categories(m, c)).legend(true)
                .referenceLine(s.minHeldOutCoherence(), "required");
        String chosen = c.chosen().orElse(null);
        for (String role : m.roles()) {
            b.series(role, values(m, role, SetRate::coherentRate, m.othersCoherent(role, chosen, Part.TEST)));
        }
        return b;
    }

    static List<String> categories(EmMeasurement m, DomainChoice c) {
        List<String> out = new ArrayList<>();
        for (DomainSet d : m.sets()) {
            out.add(c.chosen().filter(d.domain()::equals).isPresent() ? d.domain() + "*" : d.domain());
        }
        out.add(OTHERS);
        return out;
    }

    private static double[] values(EmMeasurement m, String role, ToDoubleFunction<SetRate> rate, double others) {
        List<SetRate> rs = m.ratesOf(role, Part.TEST);
        double[] v = new double[rs.size() + 1];
        for (int i = 0; i < rs.size(); i++) {
            v[i] = rate.applyAsDouble(rs.get(i));
        }
        v[rs.size()] = others;
        return v;
    }
}
