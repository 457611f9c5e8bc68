package org.vivarium.organisms.superposition;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.model.Model;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.report.progress.ProgressBar;
import org.vivarium.report.table.CsvWriter;
import org.vivarium.report.table.Table;

/**
 * The superposition organism (Elhage et al. 2022, "Toy Models of Superposition"): n = 20 features, each 0
 * with probability S and else uniform in [0, 1], with importance {@code I_i = 0.9^i}, squeezed through m = 5
 * hidden dimensions by {@code x' = ReLU(W^T W x + b)} and trained on {@code sum_i I_i (x_i - x'_i)^2}, once per
 * feature density {@code 1 - S} in {@link SweepConfig#DENSITIES}. Dense features get about m orthogonal
 * directions (the most important ones); sparse features are packed into the m dimensions in superposition.
 *
 * <p>This is not a transformer: {@link #train} writes the sweep with {@link SweepFiles} and
 * {@link #checkRun} checks that directory; {@link #check} (which takes a transformer) refuses.
 *
 * <pre>{@code
 * SuperpositionOrganism o = new SuperpositionOrganism();
 * o.train(new TrainRequest(1, 0, Path.of("runs/superposition"), false), ctx);
 * CheckResult r = o.checkRun(Path.of("runs/superposition"), ctx).orElseThrow();
 * }</pre>
 */
public final class SuperpositionOrganism implements Organism {
    /** Features n. */
    public static final int FEATURES = 20;
    /** Hidden dimensions m. */
    public static final int HIDDEN = 5;
    /** Largest superposition (sum_{j != i} (W_i_hat . W_j)^2) of the m most important features when dense. */
    public static final double DENSE_MAX_SUPERPOSITION = 0.1;
    /** At the densest setting at most m + this many features may be represented. */
    public static final int DENSE_EXTRA_ALLOWED = 1;
    /** At the sparsest setting at least this many times m features must be represented. */
    public static final int SPARSE_MIN_FACTOR = 2;
    /** At the sparsest setting m / ||W||_F^2 must be at most this (over two features per dimension). */
    public static final double SPARSE_MAX_DIMS_PER_FEATURE = 0.5;
    private static final Set<String> OPTIONS = Set.of("lr", "batch");

    @Override
    public String name() {
        return "superposition";
    }

    @Override
    public String summary() {
        return "toy model of superposition: 20 sparse features in 5 dims, ReLU(W^T W x + b), swept over sparsity;"
                + " steps are per sparsity";
    }

    @Override
    public int defaultSteps() {
        return 10_000;
    }

    @Override
    public TruthCard truthCard() {
        int m = HIDDEN;
        return new TruthCard("superposition", "Seven toy models x' = ReLU(W^T W x + b), W of shape [" + m + ", "
                + FEATURES + "], trained with Adam on synthetic features: feature i is 0 with probability S and"
                + " otherwise uniform in [0, 1], with importance 0.9^i in the loss sum_i I_i (x_i - x'_i)^2; one"
                + " model per feature density 1-S in " + SweepConfig.DENSITIES + ". The ground-truth features"
                + " are the standard basis, so feature i's direction is column W_i; it counts as represented when"
                + " ||W_i|| > " + FeatureGeometry.REPRESENTED_NORM + ".",
                List.of(new Planted("dense-orthogonal", ClaimKind.FEATURE, "W at the densest setting (1-S = 1)",
                                "with dense features the model represents about m = " + m + " features, the most"
                                        + " important ones (0.." + (m - 1) + "), in orthogonal directions.",
                                Map.of("represented_max", String.valueOf(m + DENSE_EXTRA_ALLOWED),
                                        "must_represent", "0.." + (m - 1),
                                        "superposition_max", String.valueOf(DENSE_MAX_SUPERPOSITION))),
                        new Planted("sparse-superposition", ClaimKind.FEATURE, "W at the sparsest setting"
                                + " (1-S = 0.001)", "with sparse features the model represents far more than m"
                                        + " features, the most important ones first, in superposition.",
                                Map.of("represented_min", String.valueOf(SPARSE_MIN_FACTOR * m),
                                        "must_represent", "0.." + (SPARSE_MIN_FACTOR * m - 1),
                                        "dims_per_feature_max", String.valueOf(SPARSE_MAX_DIMS_PER_FEATURE)))));
    }

    @Override
    public TrainOutcome train(TrainRequest req, OrganismContext ctx) {
        for (String k : req.options().keySet()) {
            if (!OPTIONS.contains(k)) {
                throw new VivariumException("superposition has no option \"" + k + "\"", "use lr=RATE or batch=N");
            }
        }
        int steps = req.steps() > 0 ? req.steps() : defaultSteps();
        SweepConfig std = SweepConfig.standard(steps);
        SweepConfig cfg;
        try {
            cfg = new SweepConfig(std.features(), std.hidden(), std.importanceDecay(), std.densities(), steps,
                    Integer.parseInt(req.options().getOrDefault("batch", String.valueOf(std.batchSize()))),
                    Double.parseDouble(req.options().getOrDefault("lr", String.valueOf(std.learningRate()))));
        } catch (IllegalArgumentException e) {
            throw new VivariumException("bad superposition option: " + e.getMessage(), "use lr=0.001 or batch=1024");
        }
        if (req.resume()) {
            ctx.out().println("note: --resume is ignored for superposition; the sweep retrains from scratch in"
                    + " seconds");
        }
        ctx.out().printf("training organism/superposition: %d toy models (n=%d features, m=%d dims, %d parameters"
                + " each), %d steps x %d inputs per sparsity, seed %d%n", cfg.densities().size(), cfg.features(),
                cfg.hidden(), cfg.hidden() * cfg.features() + cfg.features(), steps, cfg.batchSize(), req.seed());
        long t0 = System.nanoTime();
        List<SweepFiles.Entry> entries = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        try (ProgressBar bar = ProgressBar.builder("train organism/superposition")
                .total((long) steps * cfg.densities().size()).unit("step").out(ctx.out())
                .interactive(ctx.interactive()).build()) {
            for (double d : cfg.densities()) {
                bar.metric("1-S", d);
                ToyTrainer.Run run = ToyTrainer.train(cfg, d, ToyTrainer.seedFor(req.seed(), d), loss -> {
                    bar.metric("loss", loss);
                    bar.advance(1);
                });
                entries.add(new SweepFiles.Entry(d, run.model(), tailMean(run.losses())));
                curves.add(run.losses());
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        for (SweepFiles.Entry e : entries) {
            FeatureGeometry g = FeatureGeometry.of(e.model().weights());
            ctx.out().printf("  1-S=%-6s loss %.5f  represented %2d/%d  m/||W||_F^2 %.3f%n",
                    SweepConfig.label(e.density()), e.finalLoss(), g.represented().size(), cfg.features(),
                    g.dimsPerFeature());
        }
        Path ckpt = req.out().resolve("checkpoint");
        Map<String, String> settings = new LinkedHashMap<>(cfg.asSettings());
        Provenance p = new Provenance("checkpoint", "organism/superposition", settings, req.seed(),
                Provenances.sha256(("synthetic sparse features: " + settings + " seed " + req.seed())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), Provenances.codeVersion(), "",
                Instant.now().toString(), Provenances.environment());
        SweepFiles.Sweep sweep = new SweepFiles.Sweep(cfg, entries, p);
        SweepFiles.write(ckpt, sweep);
        HiddenActivations.write(req.out(), sweep, req.seed(), HiddenActivations.ROWS);
        ctx.out().printf("hidden activations h = W x (%,d rows per sparsity) in %s, true feature directions in"
                + " checkpoint/density-*.features.npy (score an SAE on them: viv sae groundtruth --run %s)%n",
                HiddenActivations.ROWS, req.out().resolve("activations"), req.out());
        writeLosses(req.out(), cfg.densities(), curves);
        double examples = (double) steps * cfg.densities().size() * cfg.batchSize();
        return new TrainOutcome(req.out(), ckpt, steps * cfg.densities().size(), (float) entries.get(0).finalLoss(),
                secs, examples / secs);
    }

    /** Refuses: this organism is not a transformer; use {@link #checkRun}. */
    @Override
    public CheckResult check(Model model, Path reportDir, OrganismContext ctx) {
        throw new VivariumException("the superposition organism is a toy model, not a transformer checkpoint",
                "check its run directory instead: viv organism check superposition");
    }

    @Override
    public Optional<CheckResult> checkRun(Path runDir, OrganismContext ctx) {
        return Optional.of(SuperpositionCheck.run(truthCard(), SweepFiles.read(runDir.resolve("checkpoint")), runDir));
    }

    private static double tailMean(double[] losses) {
        int k = Math.min(100, losses.length);
        double s = 0;
        for (int i = losses.length - k; i < losses.length; i++) {
            s += losses[i];
        }
        return s / k;
    }

    private static void writeLosses(Path runDir, List<Double> densities, List<double[]> curves) {
        List<String> header = new ArrayList<>();
        header.add("step");
        densities.forEach(d -> header.add("loss_density_" + SweepConfig.label(d)));
        Table t = Table.of(header);
        int steps = curves.get(0).length;
        for (int s = 0; s < steps; s++) {
            List<Object> row = new ArrayList<>();
            row.add(s + 1);
            for (double[] c : curves) {
                row.add(c[s]);
            }
            t.row(row);
        }
        CsvWriter.write(t, runDir.resolve("loss.csv"));
        SuperpositionPlots.losses(densities, curves, runDir.resolve("loss.png"));
    }
}
