package org.vivarium.plugin.probes.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.probes.data.LabelledPrompt;
import org.vivarium.plugin.probes.extract.FeatureExtractor;
import org.vivarium.plugin.probes.extract.FeatureSet;
import org.vivarium.plugin.probes.extract.ForwardPasses;
import org.vivarium.plugin.probes.extract.HookSelection;
import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.extract.PromptEncoder;
import org.vivarium.plugin.probes.fit.FitSettings;
import org.vivarium.plugin.probes.math.ProbeKind;
import org.vivarium.plugin.probes.report.AccuracyPlot;

/**
 * Audits an organism with logistic and difference-of-means probes on the residual stream after every layer,
 * using only the target's labelled prompts (no answer key). The prompts are split per label with
 * {@link org.vivarium.api.audit.Split} ({@link LabelSplit}); everything is fitted on the fit part, chosen on the
 * validation part and reported on the test part. Two claims follow:
 * <ul>
 *   <li>DIRECTION ({@link DirectionClaim}): the prompt-level probe (last token) with the best validation accuracy;
 *       its hook's fit-part class-mean difference at coefficient 1, written to {@code direction.json}; supported if
 *       that probe's test accuracy is at least 0.9.</li>
 *   <li>TRIGGER ({@link TriggerSearch}): the prompt-level probes and token-level probes (every token an example)
 *       score every token; per probe, the span that carries the probe's excess score and recurs only in
 *       condition-present prompts is found on the fit part; span and probe are chosen on validation and the span
 *       is claimed if it passes on the test part (it recurs, and the probe's onset or peak lies in it).</li>
 * </ul>
 *
 * <p>Metric keys: {@code split.{fit,validation,test}} (prompt counts); per prompt-level probe
 * {@code {validation,test}.{accuracy,auroc}.KIND@HOOK}; per token-level probe
 * {@code tokens.{validation,test}.{accuracy,auroc}.KIND@HOOK} (per token); {@code chosen.layer},
 * {@code chosen.{validation,test}.{accuracy,auroc}}; {@code direction.norm}; {@code trigger.candidates} (over all
 * probes) and, if a span was chosen, {@code trigger.{fit,validation,test}.{present_rate,absent_rate,hit_rate,
 * onset_rate,peak_rate,chance}}, {@code trigger.threshold} and {@code trigger.supported} (1 or 0).
 */
@Component(service = Auditor.class)
public final class ProbesAuditor implements Auditor {
    /** The probe kinds of the grids. */
    static final List<ProbeKind> KINDS = List.of(ProbeKind.LOGISTIC, ProbeKind.DIFFMEAN);
    /** How each prompt's activations become one example of the prompt-level probes, by default. */
    static final PositionMode POOLING = PositionMode.LAST;

    private final PositionMode pooling;

    /** The service: prompt-level probes on the last token. */
    public ProbesAuditor() {
        this(POOLING);
    }

    /**
     * An auditor with another prompt-level pooling (for comparisons in tests).
     *
     * @param pooling {@link PositionMode#LAST} or {@link PositionMode#MEAN}
     */
    ProbesAuditor(PositionMode pooling) {
        if (pooling == PositionMode.ALL) {
            throw new IllegalArgumentException("prompt-level probes pool with last or mean, not all");
        }
        this.pooling = pooling;
    }

    @Override
    public String name() {
        return "probes";
    }

    @Override
    public AuditSection audit(AuditTarget target, MethodContext ctx) {
        if (target.labelledPrompts().isEmpty()) {
            return new AuditSection(name(), "Linear probes per layer", List.of(), Map.of(), Map.of(),
                    "Not run: " + target.organism() + " gives no labelled prompts to fit probes on.");
        }
        Model model = target.model();
        List<LabelledPrompt> prompts = new ArrayList<>();
        int line = 1;
        for (org.vivarium.api.audit.LabelledPrompt p : target.labelledPrompts()) {
            prompts.add(new LabelledPrompt(line++, p.label(), p.text()));
        }
        int n = prompts.size();
        int[] labels = prompts.stream().mapToInt(LabelledPrompt::label).toArray();
        LabelSplit split = LabelSplit.of(labels);
        List<HookName> hooks = HookSelection.select(FitSettings.DEFAULT_HOOKS, model.config());
        int[][] tokens = PromptEncoder.encode(model.tokenizer(), prompts, model.config().nCtx());
        Map<String, FeatureSet> perPrompt;
        Map<String, FeatureSet> perToken;
        try (Progress p = ctx.progress("probes: activations", 2L * n, "prompt")) {
            perPrompt = FeatureExtractor.extract(new ForwardPasses(model, tokens, hooks), hooks, pooling, n, p);
            perToken = FeatureExtractor.extract(new ForwardPasses(model, tokens, hooks), hooks, PositionMode.ALL, n, p);
        }
        List<AuditProbe> grid;
        List<AuditProbe> tokenGrid;
        try (Progress p = ctx.progress("probes: fitting", 2L * hooks.size() * KINDS.size(), "probe")) {
            grid = ProbeGrid.fit(perPrompt, pooling, labels, split, KINDS, ctx.linearAlgebra(), p);
            tokenGrid = ProbeGrid.fit(perToken, PositionMode.ALL, labels, split, KINDS, ctx.linearAlgebra(), p);
        }
        AuditProbe chosen = ProbeGrid.choose(grid);
        AccuracyPlot.write(target.outDir(), grid.stream().map(AuditProbe::asTestResult).toList(),
                "Probe accuracy on " + target.organism() + " (test part): condition present vs absent");
        float[] direction = DirectionClaim.meanDifference(perPrompt.get(chosen.hook()), labels, split);
        Claim directionClaim = DirectionClaim.of(target.outDir(), chosen, direction, split.fit().length);

        List<AuditProbe> scorers = new ArrayList<>(grid);
        scorers.addAll(tokenGrid);
        List<List<ScoredText>> scored;
        try (Progress p = ctx.progress("probes: scoring tokens", n, "prompt")) {
            scored = TokenScores.of(new ForwardPasses(model, tokens, hooks), scorers, tokens, model.tokenizer(), p);
        }
        List<TriggerSearch> searches = new ArrayList<>();
        for (int k = 0; k < scorers.size(); k++) {
            List<ScoredText> texts = scored.get(k);
            searches.add(TriggerSearch.run(scorers.get(k).name(), PartTexts.of("fit", texts, labels, split.fit()),
                    PartTexts.of("validation", texts, labels, split.validation()),
                    PartTexts.of("test", texts, labels, split.test())));
        }
        TriggerSearch trigger = TriggerSearch.best(searches);
        Claim triggerClaim = trigger.claim(PartTexts.of("fit", scored.get(0), labels, split.fit()).counts(),
                searches.size());

        Map<String, Double> metrics = AuditMetrics.of(split, grid, tokenGrid, chosen, direction, searches, trigger);
        return new AuditSection(name(), "Linear probes per layer", List.of(directionClaim, triggerClaim), metrics,
                Map.of(AccuracyPlot.FILE, "test-part accuracy and AUROC per layer and probe kind (" + pooling.id()
                        + "-token probes; the direction's probe was chosen on the validation part)"),
                AuditMarkdown.of(split, grid, tokenGrid, chosen, searches, trigger));
    }
}
