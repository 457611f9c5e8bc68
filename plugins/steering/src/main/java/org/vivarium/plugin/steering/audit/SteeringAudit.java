package org.vivarium.plugin.steering.audit;

import java.util.List;
import java.util.Locale;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.direction.AttentionDirections;
import org.vivarium.plugin.steering.direction.ContrastiveDirection;
import org.vivarium.plugin.steering.direction.LayerChoice;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.DirectionalAblation;
import org.vivarium.plugin.steering.generate.SteeringSweep;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * Runs the steering experiments on an audit target: fits directions on the even-indexed half of the
 * positive and negative prompts, chooses a site, sweeps the coefficient on held-out clean prompts and
 * ablates the condition's attention-output directions from held-out triggered prompts.
 */
public final class SteeringAudit {
    private final SteeringSettings settings;

    /**
     * Creates the experiment runner.
     *
     * @param settings coefficients, prompt budget, thresholds and seeds
     */
    public SteeringAudit(SteeringSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs every experiment.
     *
     * @param target the organism and its prompts
     * @param context progress display
     * @return the measurements
     */
    public SteeringOutcome run(AuditTarget target, MethodContext context) {
        Model model = target.model();
        PromptSplit pos = PromptSplit.halves(target.positivePrompts(), "positive");
        PromptSplit neg = PromptSplit.halves(target.negativePrompts(), "negative");
        List<LayerDirection> dirs;
        long reads = target.positivePrompts().size() + target.negativePrompts().size();
        try (Progress p = context.progress("steering: reading residuals", reads, "prompt")) {
            dirs = ContrastiveDirection.fit(model, settings.position(), pos.fit(), neg.fit(), pos.eval(), neg.eval(),
                    p::advance);
        }
        // The intervention direction is the condition's mean difference averaged over all prompt positions,
        // taken where the condition is first written into the residual stream (the input of layer 0, or the
        // truth card's planted layer): the trigger is re-read at every step of generation, so a last-token
        // summary direction neither induces nor removes it (measured: see README). The per-layer last-token
        // directions above are still reported for their separation.
        int planted = target.plantedLayer();
        boolean usePlanted = planted >= 0 && planted < model.config().nLayers();
        List<LayerDirection> meanDirs;
        try (Progress p = context.progress("steering: position-mean directions", reads, "prompt")) {
            meanDirs = ContrastiveDirection.fit(model, org.vivarium.plugin.steering.extract.PositionMode.MEAN,
                    pos.fit(), neg.fit(), pos.eval(), neg.eval(), p::advance);
        }
        LayerDirection chosen = LayerChoice.choose(meanDirs, usePlanted ? planted : 0);
        String because = String.format(Locale.ROOT, "%s; position-mean direction, held-out AUROC %.3f",
                usePlanted ? "the truth card's planted layer" : "the residual input of layer 0, where the condition"
                        + " is first written", chosen.separation().auroc());
        List<String> clean = neg.evalUpTo(settings.maxPrompts());
        List<String> triggered = pos.evalUpTo(settings.maxPrompts());
        List<SweepPoint> sweep;
        try (Progress p = context.progress("steering: coefficient sweep",
                (long) settings.coefficients().size() * clean.size(), "gen")) {
            sweep = new SteeringSweep(model, target.generation(), target.behaviour())
                    .run(chosen.hook(), chosen.vector(), settings.coefficients(), clean,
                            twins(clean.size(), triggered), p::advance);
        }
        // Ablation acts where the condition travels: attention carries it from the trigger to the answer at
        // every step of generation. Each layer's attention output has its component along its own
        // position-mean direction clamped to the clean mean. Measured on backdoor seeds 1-3: the single
        // residual direction projected out of every residual site dropped the rate by only 0.16-0.41, and
        // clamping residual sites made the text incoherent; this drops it to ~0 with coherent text.
        AttentionDirections attn;
        try (Progress p = context.progress("steering: attention-output directions",
                pos.fit().size() + neg.fit().size(), "prompt")) {
            attn = AttentionDirections.fit(model, pos.fit(), neg.fit(), p::advance);
        }
        AblationResult ablation;
        try (Progress p = context.progress("steering: directional ablation", 3L * triggered.size(), "gen")) {
            ablation = new DirectionalAblation(model, target.generation(), target.behaviour())
                    .runClamped(attn.directions(), attn.cleanMeans(), triggered, twins(triggered.size(), clean),
                            settings.randomSeed(), p::advance);
        }
        return new SteeringOutcome(dirs, chosen, because, sweep, ablation, settings);
    }

    // Positive and negative prompts are paired by index (AuditTarget contract) and split the same way, so
    // the held-out lists are each other's twins when both have the same length.
    private static List<String> twins(int n, List<String> other) {
        return other.size() == n ? other : List.of();
    }
}
