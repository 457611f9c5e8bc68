package org.vivarium.plugin.steering.audit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.SweepPoint;
import org.vivarium.report.plot.BarPlot;
import org.vivarium.report.plot.LinePlot;

/** Draws the audit's PNGs: the validation sweep per site, the test ablation bars and the per-site separation. */
public final class SteeringPlots {
    /** Behaviour rate against coefficient. */
    public static final String SWEEP = "steering-sweep.png";
    /** Behaviour rate under ablation. */
    public static final String ABLATION = "ablation.png";
    /** Held-out AUROC per residual site. */
    public static final String LAYERS = "direction-layers.png";

    private SteeringPlots() {
    }

    /**
     * Writes the plots.
     *
     * @param outDir where to write
     * @param o the measurements
     * @param behaviour the behaviour's name
     * @return file names (relative to {@code outDir}) to captions
     */
    public static Map<String, String> write(Path outDir, SteeringOutcome o, String behaviour) {
        Map<String, String> images = new LinkedHashMap<>();
        sweep(o, behaviour).build().write(outDir.resolve(SWEEP));
        images.put(SWEEP, behaviour + " of validation condition-absent prompts against the steering coefficient "
                + "(multiples of each site's raw position-mean difference), with the unsteered validation rates; the "
                + "chosen site (" + o.chosen().hook().path() + ") on the test prompts as its own line");
        ablation(o, behaviour).build().write(outDir.resolve(ABLATION));
        images.put(ABLATION, behaviour + " of test condition-present prompts with every layer's attention-output "
                + "direction, or a random direction of equal norm, clamped to the clean mean; test condition-absent "
                + "prompts for reference");
        layers(o).build().write(outDir.resolve(LAYERS));
        images.put(LAYERS, "test-part AUROC of projections onto each residual site's mean-difference direction "
                + "(last-token and position-mean)");
        return images;
    }

    static LinePlot.Builder sweep(SteeringOutcome o, String behaviour) {
        ValidationSweep v = o.validation();
        double lo = 0;
        double hi = 0;
        LinePlot.Builder b = LinePlot.builder().title("Steering sweep (validation); chosen site on test")
                .xLabel("coefficient (x mean difference)").yLabel(behaviour).yRange(0, 1);
        for (SiteSweep s : v.sites()) {
            List<SweepPoint> pts = s.points();
            double[] x = new double[pts.size() + 1];
            double[] rate = new double[pts.size() + 1];
            rate[0] = v.clean().rate();
            for (int i = 0; i < pts.size(); i++) {
                x[i + 1] = pts.get(i).coefficient();
                rate[i + 1] = pts.get(i).sample().rate();
                hi = Math.max(hi, x[i + 1]);
            }
            b.series("validation " + s.direction().hook().path(), x, rate);
        }
        double base = v.clean().rate();
        double trig = v.triggered().rate();
        TestMeasurement t = o.test();
        return b.series("validation condition-absent, unsteered", new double[] {lo, hi}, new double[] {base, base})
                .series("validation condition-present, unsteered", new double[] {lo, hi}, new double[] {trig, trig})
                .series("test " + o.chosen().hook().path(), new double[] {0, o.coefficient()},
                        new double[] {t.clean().rate(), t.steered().sample().rate()});
    }

    static BarPlot.Builder ablation(SteeringOutcome o, String behaviour) {
        AblationResult a = o.test().ablation();
        return BarPlot.builder().title("Attention-output ablation (test)").yLabel(behaviour).yRange(0, 1)
                .categories("condition-present", "+ ablated", "+ random ablated", "condition-absent")
                .series(behaviour, new double[] {a.unablated().rate(), a.ablated().rate(), a.randomAblated().rate(),
                    o.test().clean().rate()})
                .series("coherence", new double[] {a.unablated().coherence(), a.ablated().coherence(),
                    a.randomAblated().coherence(), o.test().clean().coherence()});
    }

    static BarPlot.Builder layers(SteeringOutcome o) {
        List<LayerDirection> mean = o.meanDirections();
        List<LayerDirection> last = o.directions();
        String[] cats = new String[mean.size()];
        double[] meanAuroc = new double[mean.size()];
        double[] lastAuroc = new double[mean.size()];
        for (int i = 0; i < cats.length; i++) {
            cats[i] = mean.get(i).hook().path().replace("blocks.", "").replace(".hook_", " ");
            meanAuroc[i] = mean.get(i).separation().auroc();
            lastAuroc[i] = i < last.size() ? last.get(i).separation().auroc() : 0;
        }
        return BarPlot.builder().title("Direction separation by site (test)").xLabel("residual site")
                .yLabel("test AUROC").yRange(0, 1).categories(cats).series("last token", lastAuroc)
                .series("position mean", meanAuroc).referenceLine(0.5, "chance");
    }
}
