package org.vivarium.plugin.probes.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.HookName;
import org.vivarium.plugin.probes.fit.ProbeResult;
import org.vivarium.plugin.probes.math.ProbeKind;
import org.vivarium.report.plot.BarPlot;

/**
 * Draws held-out accuracy and AUROC per hook as grouped bars (one group per hook, one bar per probe kind
 * and metric) with a dashed chance line at 0.5.
 */
public final class AccuracyPlot {
    /** The file name inside the output directory. */
    public static final String FILE = "accuracy.png";

    private AccuracyPlot() {
    }

    /**
     * Builds the chart.
     *
     * @param results the probes
     * @param title the chart title
     * @return the bar plot
     */
    public static BarPlot of(List<ProbeResult> results, String title) {
        List<String> hooks = results.stream().map(ProbeResult::hook).distinct().toList();
        List<ProbeKind> kinds = results.stream().map(r -> r.probe().kind()).distinct().toList();
        boolean oneSite = hooks.stream().map(h -> new HookName(h).site()).distinct().count() == 1
                && hooks.stream().allMatch(h -> new HookName(h).layer() >= 0);
        List<String> categories = new ArrayList<>();
        for (String h : hooks) {
            categories.add(oneSite ? "layer " + new HookName(h).layer() : h.replace("blocks.", ""));
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        for (ProbeKind k : kinds) {
            series.put(k.id() + " accuracy", new double[hooks.size()]);
            series.put(k.id() + " AUROC", new double[hooks.size()]);
        }
        series.values().forEach(v -> Arrays.fill(v, Double.NaN));
        for (ProbeResult r : results) {
            int i = hooks.indexOf(r.hook());
            series.get(r.probe().kind().id() + " accuracy")[i] = r.test().accuracy();
            series.get(r.probe().kind().id() + " AUROC")[i] = r.test().auroc();
        }
        BarPlot.Builder b = BarPlot.builder().title(title)
                .xLabel(oneSite ? new HookName(hooks.get(0)).site() : "hook")
                .yLabel("held-out score").categories(categories).referenceLine(0.5, "chance").yRange(0, 1);
        series.forEach((name, values) -> {
            if (Arrays.stream(values).anyMatch(Double::isFinite)) {
                b.series(name, values);
            }
        });
        return b.build();
    }

    /**
     * Writes the PNG.
     *
     * @param outDir the output directory
     * @param results the probes
     * @param title the chart title
     * @return the written file
     */
    public static Path write(Path outDir, List<ProbeResult> results, String title) {
        Path png = outDir.resolve(FILE);
        of(results, title).write(png);
        return png;
    }
}
