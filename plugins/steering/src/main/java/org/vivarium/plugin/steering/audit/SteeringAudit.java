package org.vivarium.plugin.steering.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.steering.direction.AttentionDirections;
import org.vivarium.plugin.steering.direction.ContrastiveDirection;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.DirectionalAblation;
import org.vivarium.plugin.steering.generate.SteeringSweep;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * Runs the steering experiments on an audit target with honest selection ({@link PairedSplit}):
 * <ol>
 *   <li>fit: per-site last-token directions (reported) and position-mean directions (the candidates) on the fit
 *       part, each site's AUROC on the test part;</li>
 *   <li>validation: every candidate site's coefficient sweep on the validation condition-absent prompts; the
 *       (site, coefficient) is chosen by {@link SiteChoice};</li>
 *   <li>test: the chosen one added to the test condition-absent prompts, and the attention-output clamp on the
 *       test condition-present prompts.</li>
 * </ol>
 * Nothing about the planted answer is used: no layer, no trigger, no domain.
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
        PairedSplit parts = PairedSplit.of(target.positivePrompts(), target.negativePrompts(), settings.maxPrompts());
        List<String> fitPos = parts.fitPositives();
        List<String> fitNeg = parts.fitNegatives();
        List<String> testPos = parts.split().test(parts.positives());
        List<String> testNeg = parts.split().test(parts.negatives());
        long reads = fitPos.size() + fitNeg.size() + testPos.size() + testNeg.size();
        List<LayerDirection> lastToken;
        try (Progress p = context.progress("steering: reading residuals", reads, "prompt")) {
            lastToken = ContrastiveDirection.fit(model, settings.position(), fitPos, fitNeg, testPos, testNeg,
                    p::advance);
        }
        // The candidates are position-mean differences: the condition is re-read at every step of generation,
        // so a last-token summary direction neither induces nor removes it (measured: see README). The
        // last-token directions are still reported for their separation.
        List<LayerDirection> candidates;
        try (Progress p = context.progress("steering: position-mean directions", reads, "prompt")) {
            candidates = ContrastiveDirection.fit(model, PositionMode.MEAN, fitPos, fitNeg, testPos, testNeg,
                    p::advance);
        }
        SteeringSweep sweep = new SteeringSweep(model, target.generation(), target.behaviour());
        ValidationSweep validation = validate(sweep, candidates, parts, context);
        return new SteeringOutcome(lastToken, candidates, validation, test(model, target, sweep, validation, parts,
                context), parts, settings);
    }

    private ValidationSweep validate(SteeringSweep sweep, List<LayerDirection> candidates, PairedSplit parts,
            MethodContext context) {
        List<String> clean = parts.validationNegatives();
        List<String> triggered = parts.validationPositives();
        List<Double> coefficients = settings.coefficients().stream().filter(c -> c > 0).toList();
        long gens = clean.size() + triggered.size() + (long) candidates.size() * coefficients.size() * clean.size();
        try (Progress p = context.progress("steering: validation sweep", gens, "gen")) {
            BehaviourSample cleanBase = sweep.baseline(clean, p::advance);
            BehaviourSample triggeredBase = sweep.baseline(triggered, p::advance);
            List<SiteSweep> sites = new ArrayList<>();
            for (LayerDirection d : candidates) {
                sites.add(new SiteSweep(d, sweep.run(d.hook(), d.vector(), coefficients, clean,
                        twins(clean.size(), triggered), p::advance)));
            }
            return SiteChoice.choose(cleanBase, triggeredBase, sites);
        }
    }

    private TestMeasurement test(Model model, AuditTarget target, SteeringSweep sweep, ValidationSweep validation,
            PairedSplit parts, MethodContext context) {
        List<String> clean = parts.testNegatives();
        List<String> triggered = parts.testPositives();
        LayerDirection chosen = validation.chosen();
        BehaviourSample cleanBase;
        SweepPoint steered;
        try (Progress p = context.progress("steering: test steering", 2L * clean.size(), "gen")) {
            cleanBase = sweep.baseline(clean, p::advance);
            steered = sweep.run(chosen.hook(), chosen.vector(), List.of(validation.point().coefficient()), clean,
                    twins(clean.size(), triggered), p::advance).get(0);
        }
        // Ablation acts where the condition travels: attention carries it from the trigger to the answer at
        // every step of generation. Each layer's attention output has its component along its own
        // position-mean direction clamped to the clean mean. Measured on backdoor seeds 1-3: the single
        // residual direction projected out of every residual site dropped the rate by only 0.16-0.41, and
        // clamping residual sites made the text incoherent; this drops it to ~0 with coherent text.
        AttentionDirections attn;
        try (Progress p = context.progress("steering: attention-output directions",
                parts.fitPositives().size() + parts.fitNegatives().size(), "prompt")) {
            attn = AttentionDirections.fit(model, parts.fitPositives(), parts.fitNegatives(), p::advance);
        }
        AblationResult ablation;
        try (Progress p = context.progress("steering: directional ablation", 3L * triggered.size(), "gen")) {
            ablation = new DirectionalAblation(model, target.generation(), target.behaviour())
                    .runClamped(attn.directions(), attn.cleanMeans(), triggered, twins(triggered.size(), clean),
                            settings.randomSeed(), p::advance);
        }
        Map<String, Double> coherent = new LinkedHashMap<>();
        target.coherence().ifPresent(meter -> {
            coherent.put("clean", coherentRate(meter, cleanBase));
            coherent.put("steered", coherentRate(meter, steered.sample()));
            coherent.put("triggered", coherentRate(meter, ablation.unablated()));
            coherent.put("ablated", coherentRate(meter, ablation.ablated()));
        });
        return new TestMeasurement(cleanBase, steered, ablation, coherent);
    }

    private static double coherentRate(BehaviourMeter meter, BehaviourSample s) {
        return meter.rate(s.prompts(), s.continuations());
    }

    // Positive and negative prompts are paired by index (AuditTarget contract) and split by the same indices,
    // so a part's lists are each other's twins when both have the same length.
    private static List<String> twins(int n, List<String> other) {
        return other.size() == n ? other : List.of();
    }
}
