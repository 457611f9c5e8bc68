package org.vivarium.plugin.sae.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.sae.truth.GroundTruthReport;
import org.vivarium.plugin.sae.truth.GroundTruthRun;
import org.vivarium.plugin.sae.truth.TrueFeatures;

/**
 * {@code viv sae groundtruth}: trains an SAE on the superposition organism's hidden activations
 * ({@code RUN/activations/density-<1-S>.npy}, rows {@code h = W x}), then scores its decoder against the true
 * feature directions ({@code RUN/checkpoint/density-<1-S>.features.npy}, read only after training): mean max
 * cosine similarity, dead and duplicate latents.
 */
public final class GroundTruthCommand implements MethodCommand {
    private static final String RETRAIN = "train the organism again (viv organism train superposition), which"
            + " writes the activations and feature files";

    @Override
    public String name() {
        return "groundtruth";
    }

    @Override
    public String usage() {
        return GroundTruthOptions.USAGE.substring("viv sae groundtruth ".length());
    }

    @Override
    public String summary() {
        return "train an SAE on the superposition organism's activations and score it against the true features"
                + " (MMCS, dead and duplicate latents)";
    }

    @Override
    public List<CommandOption> options() {
        return GroundTruthOptions.KNOWN;
    }

    @Override
    public int run(CommandInput args, MethodContext ctx) {
        GroundTruthOptions o = GroundTruthOptions.parse(args, ctx.workDir());
        String stem = "density-" + o.density();
        Path acts = o.run().resolve("activations").resolve(stem + ".npy");
        Path truth = o.run().resolve("checkpoint").resolve(stem + ".features.npy");
        for (Path p : List.of(acts, truth)) {
            if (!Files.isRegularFile(p)) {
                throw new VivariumException("no " + p.getFileName() + " under " + p.getParent()
                        + " (is --run a superposition run, and --density one of its sparsities?)", RETRAIN);
            }
        }
        LinearAlgebra la = ctx.linearAlgebra();
        float[][] rows = la.readNpy(acts).toRows();
        ctx.out().printf("training a %s SAE with %d latents on %,d rows of %s (d_in %d), %,d steps x %d, seed %d%n",
                o.config().kind().label(), o.config().latents(), rows.length, acts, rows[0].length, o.config().steps(),
                o.config().batch(), o.config().seed());
        GroundTruthRun.Result r;
        try (Progress p = ctx.progress("sae groundtruth", o.config().steps() * o.config().batch(), "rows")) {
            r = GroundTruthRun.run(rows, o.holdout(), o.config(),
                    () -> TrueFeatures.represented(la.readNpy(truth).toRows(), TrueFeatures.REPRESENTED_NORM),
                    o.duplicateCosine(), p, la);
        }
        GroundTruthReport report = new GroundTruthReport(o.run().toString(), o.density(), o.config(), o.duplicateCosine(),
                r);
        ctx.out().print(report.markdown());
        report.write(o.out());
        la.writeNpy(o.out().resolve("W_dec.npy"),
                org.vivarium.api.linalg.FloatMatrix.of(r.train().foldedWeights().wDec()));
        ctx.out().println("wrote " + o.out() + " (report.md, groundtruth.json, W_dec.npy)");
        return 0;
    }
}
