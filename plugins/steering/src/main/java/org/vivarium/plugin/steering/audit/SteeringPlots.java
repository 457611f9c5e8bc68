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

/** Draws the audit's PNGs: the coefficient sweep, the ablation bars and the per-site separation. */
public final class SteeringPlots {
    /** Behaviour rate against coefficient. */
    public static final String SWEEP = "steering-sweep.png";
    /** Behaviour rate under ablation. */
    public static final String ABLATION = "ablation.png";
    /** Held-out AUROC and direction norm per residual site. */
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
        images.put(SWEEP, behaviour + " of clean prompts against the steering coefficient (multiples of the raw "
                + "mean-difference vector at " + o.chosen().hook().path()
                + "), with the unsteered and triggered rates");
        ablation(o, behaviour).build().write(outDir.resolve(ABLATION));
        images.put(ABLATION, behaviour + " of triggered prompts with the direction, or a random direction of equal "
                + "norm, clamped to the clean mean in every layer's attention output; clean prompts for reference");
        layers(o.directions()).build().write(outDir.resolve(LAYERS));
        images.put(LAYERS, "held-out AUROC of projections onto the mean-difference direction, per residual site");
        return images;
    }

    static LinePlot.Builder sweep(SteeringOutcome o, String behaviour) {
        List<SweepPoint> pts = o.sweep();
        double[] x = new double[pts.size()];
        double[] rate = new double[pts.size()];
        double[] coherence = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i).coefficient();
            rate[i] = pts.get(i).sample().rate();
            coherence[i] = pts.get(i).sample().coherence();
        }
        double lo = x[0];
        double hi = x[x.length - 1];
        double base = o.cleanBaseline().rate();
        double trig = o.ablation().unablated().rate();
        return LinePlot.builder().title("Steering " + o.chosen().hook().path())
                .xLabel("coefficient (x mean difference)").yLabel(behaviour).yRange(0, 1)
                .series("steered clean prompts", x, rate)
                .series("unsteered clean", new double[] {lo, hi}, new double[] {base, base})
                .series("triggered, unsteered", new double[] {lo, hi}, new double[] {trig, trig})
                .series("coherence (steered)", x, coherence);
    }

    static BarPlot.Builder ablation(SteeringOutcome o, String behaviour) {
        AblationResult a = o.ablation();
        return BarPlot.builder().title("Directional ablation").yLabel(behaviour).yRange(0, 1)
                .categories("triggered", "triggered + ablated", "triggered + random ablated", "clean")
                .series(behaviour, new double[] {a.unablated().rate(), a.ablated().rate(), a.randomAblated().rate(),
                    o.cleanBaseline().rate()})
                .series("coherence", new double[] {a.unablated().coherence(), a.ablated().coherence(),
                    a.randomAblated().coherence(), o.cleanBaseline().coherence()});
    }

    static BarPlot.Builder layers(List<LayerDirection> dirs) {
        String[] cats = new String[dirs.size()];
        double[] auroc = new double[dirs.size()];
        for (int i = 0; i < cats.length; i++) {
            cats[i] = dirs.get(i).hook().path().replace("blocks.", "").replace(".hook_", " ");
            auroc[i] = dirs.get(i).separation().auroc();
        }
        return BarPlot.builder().title("Direction separation by site").xLabel("residual site")
                .yLabel("held-out AUROC").yRange(0, 1).categories(cats).series("AUROC", auroc)
                .referenceLine(0.5, "chance");
    }
}
