package org.vivarium.plugin.emfinetune.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.vivarium.plugin.emfinetune.eval.DomainSet;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.SetRate;
import org.vivarium.report.plot.BarPlot;

/**
 * Grouped bar charts: one group per domain (plus the held-out mean), one bar per model role, for the misaligned
 * rate ({@value #MISALIGNED}) and, if measured, the coherent rate ({@value #COHERENCE}).
 */
public final class EmPlots {
    /** Misaligned rate by domain and role. */
    public static final String MISALIGNED = "misaligned-by-domain.png";
    /** Coherent rate by domain and role. */
    public static final String COHERENCE = "coherence-by-domain.png";
    private static final String HELD_OUT = "held-out mean";

    private EmPlots() {
    }

    /**
     * Writes the plots.
     *
     * @param outDir where to write
     * @param m the measurement
     * @param s the settings (the coherence threshold is drawn as a reference line)
     * @return file names (relative to {@code outDir}) to captions
     */
    public static Map<String, String> write(Path outDir, EmMeasurement m, EmSettings s) {
        Map<String, String> images = new LinkedHashMap<>();
        misaligned(m).build().write(outDir.resolve(MISALIGNED));
        images.put(MISALIGNED, m.behaviour() + " of each model's answers per prompt domain (* = the fine-tune "
                + "domain) and the mean over held-out domains; 95% Wilson intervals are in the table");
        if (m.hasCoherence()) {
            coherence(m, s).build().write(outDir.resolve(COHERENCE));
            images.put(COHERENCE, m.coherence() + " of each model's answers per prompt domain; dashed: the "
                    + "coherence the emergent-misalignment finding requires of the fine-tuned model");
        }
        return images;
    }

    static BarPlot.Builder misaligned(EmMeasurement m) {
        BarPlot.Builder b = BarPlot.builder().title(m.behaviour() + " answers by domain").xLabel("prompt domain")
                .yLabel(m.behaviour()).yRange(0, 1).categories(categories(m)).legend(true);
        for (String role : m.roles()) {
            b.series(role, values(m, role, SetRate::misalignedRate, m.heldOutMisaligned(role)));
        }
        return b;
    }

    static BarPlot.Builder coherence(EmMeasurement m, EmSettings s) {
        BarPlot.Builder b = BarPlot.builder().title(m.coherence() + " answers by domain").xLabel("prompt domain")
                .yLabel(m.coherence()).yRange(0, 1).categories(categories(m)).legend(true)
                .referenceLine(s.minHeldOutCoherence(), "required");
        for (String role : m.roles()) {
            b.series(role, values(m, role, SetRate::coherentRate, m.heldOutCoherent(role)));
        }
        return b;
    }

    static List<String> categories(EmMeasurement m) {
        List<String> c = new ArrayList<>();
        for (DomainSet d : m.sets()) {
            c.add(d.fineTune() ? d.domain() + "*" : d.domain());
        }
        c.add(HELD_OUT);
        return c;
    }

    private static double[] values(EmMeasurement m, String role, ToDoubleFunction<SetRate> rate, double heldOut) {
        List<SetRate> rs = m.ratesOf(role);
        double[] v = new double[rs.size() + 1];
        for (int i = 0; i < rs.size(); i++) {
            v[i] = rate.applyAsDouble(rs.get(i));
        }
        v[rs.size()] = heldOut;
        return v;
    }
}
