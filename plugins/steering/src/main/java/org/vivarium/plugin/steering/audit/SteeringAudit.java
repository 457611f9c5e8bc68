package org.vivarium.plugin.steering.audit;

import java.util.List;
import java.util.Locale;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
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
 * ablates the direction from held-out triggered prompts.
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
        int planted = target.plantedLayer();
        boolean usePlanted = planted >= 0 && planted <= model.config().nLayers();
        LayerDirection chosen = LayerChoice.choose(dirs, usePlanted ? planted : -1);
        String because = usePlanted ? "the truth card's planted layer"
                : String.format(Locale.ROOT, "the best held-out separation (AUROC %.3f)%s", chosen.separation().auroc(),
                        planted >= 0 ? "; the planted layer " + planted + " is outside this model" : "");
        List<String> clean = neg.evalUpTo(settings.maxPrompts());
        List<String> triggered = pos.evalUpTo(settings.maxPrompts());
        List<SweepPoint> sweep;
        try (Progress p = context.progress("steering: coefficient sweep",
                (long) settings.coefficients().size() * clean.size(), "gen")) {
            sweep = new SteeringSweep(model, target.generation(), target.behaviour())
                    .run(chosen.hook(), chosen.vector(), settings.coefficients(), clean, p::advance);
        }
        // Ablation removes a direction at every position of every layer, so it uses the direction of the
        // condition averaged over all prompt positions (the trigger is re-read while generating) where the
        // condition is first written into the residual stream: the input of layer 0.
        List<LayerDirection> meanDirs;
        try (Progress p = context.progress("steering: position-mean directions", reads, "prompt")) {
            meanDirs = ContrastiveDirection.fit(model, org.vivarium.plugin.steering.extract.PositionMode.MEAN,
                    pos.fit(), neg.fit(), pos.eval(), neg.eval(), p::advance);
        }
        LayerDirection ablate = LayerChoice.choose(meanDirs, 0);
        AblationResult ablation;
        try (Progress p = context.progress("steering: directional ablation", 3L * triggered.size(), "gen")) {
            ablation = new DirectionalAblation(model, target.generation(), target.behaviour())
                    .run(ablate.vector(), triggered, settings.randomSeed(), p::advance);
        }
        context.out().printf(Locale.ROOT, "steering: ablating the position-mean direction of %s (held-out AUROC %.3f)%n",
                ablate.hook(), ablate.separation().auroc());
        return new SteeringOutcome(dirs, chosen, because, sweep, ablation, settings);
    }
}
