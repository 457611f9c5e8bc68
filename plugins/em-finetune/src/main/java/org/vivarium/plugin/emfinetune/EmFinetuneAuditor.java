package org.vivarium.plugin.emfinetune;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.method.MethodContext;
import org.vivarium.plugin.emfinetune.audit.DomainChoice;
import org.vivarium.plugin.emfinetune.audit.EmClaims;
import org.vivarium.plugin.emfinetune.audit.EmPlots;
import org.vivarium.plugin.emfinetune.audit.EmSection;
import org.vivarium.plugin.emfinetune.audit.EmSettings;
import org.vivarium.plugin.emfinetune.audit.EmTables;
import org.vivarium.plugin.emfinetune.audit.ExampleAnswers;
import org.vivarium.plugin.emfinetune.eval.Answer;
import org.vivarium.plugin.emfinetune.eval.DomainSet;
import org.vivarium.plugin.emfinetune.eval.DomainSets;
import org.vivarium.plugin.emfinetune.eval.EmEvaluation;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.MeterChoice;

/**
 * The {@code em-finetune} auditor, the emergent-misalignment evaluation: the base, control and fine-tuned
 * ({@code em}) models answer every prompt of every domain the organism gives; the organism's evaluator and
 * coherence meter classify the answers. The fine-tune domain is not given: it is chosen as the domain where the
 * em model's misaligned rate rises most over the base model, on the validation half of each domain's prompts
 * ({@link DomainChoice}). On the test half the section then claims (see {@link EmClaims}) that the chosen domain
 * is the fine-tune domain ({@code DOMAIN}) and that the em model is misaligned in the other domains more often
 * than the control ({@code BEHAVIOUR}), with rates and Wilson intervals per role, domain and half. Writes
 * {@code misaligned-by-domain.png}, {@code coherence-by-domain.png}, {@code em-rates.csv} and
 * {@code example-answers.json} into the target's out dir. Organisms without prompt sets get a short
 * "not measured" section with both claims unsupported.
 */
@Component(service = Auditor.class)
public final class EmFinetuneAuditor implements Auditor {
    private final EmSettings settings;

    /** Creates the auditor with {@link EmSettings#defaults()}. */
    public EmFinetuneAuditor() {
        this(EmSettings.defaults());
    }

    /**
     * Creates the auditor with explicit settings (for tests and benchmarks).
     *
     * @param settings thresholds, example count and prompt budget
     */
    public EmFinetuneAuditor(EmSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return EmSection.METHOD;
    }

    @Override
    public AuditSection audit(AuditTarget target, MethodContext context) throws Exception {
        List<DomainSet> sets = DomainSets.of(target.promptSets(), settings.maxPromptsPerSet());
        java.util.Optional<org.vivarium.api.audit.BehaviourMeter> meter = MeterChoice.of(target);
        if (sets.isEmpty() || meter.isEmpty()) {
            return EmSection.notApplicable(target.organism(), meter.map(org.vivarium.api.audit.BehaviourMeter::name)
                    .orElse(MeterChoice.MISALIGNMENT), sets.isEmpty() ? "gives no per-domain prompt sets"
                    : "offers no misalignment meter");
        }
        Path out = target.outDir();
        Files.createDirectories(out);
        EmMeasurement m = EmEvaluation.run(target, context, sets, meter.get());
        DomainChoice choice = DomainChoice.of(m);
        EmTables.writeCsv(out, m, choice);
        Map<String, List<Answer>> examples = ExampleAnswers.pick(m, settings.examplesPerRole());
        ExampleAnswers.write(out, m, examples);
        Map<String, String> images = EmPlots.write(out, m, choice, settings);
        return EmSection.build(m, choice, settings, target.generation(), images, examples);
    }
}
