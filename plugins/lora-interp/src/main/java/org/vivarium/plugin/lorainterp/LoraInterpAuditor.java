package org.vivarium.plugin.lorainterp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalyzer;
import org.vivarium.plugin.lorainterp.analysis.LoraInputs;
import org.vivarium.plugin.lorainterp.analysis.LoraInterpSettings;
import org.vivarium.plugin.lorainterp.audit.LoraClaims;
import org.vivarium.plugin.lorainterp.audit.LoraSection;
import org.vivarium.plugin.lorainterp.audit.PromptSplit;
import org.vivarium.plugin.lorainterp.audit.TestCosines;
import org.vivarium.plugin.lorainterp.contexts.ContextPublisher;
import org.vivarium.plugin.lorainterp.pass.Corpus;
import org.vivarium.plugin.lorainterp.report.DirectionsJson;
import org.vivarium.plugin.lorainterp.report.LoraPlots;

/**
 * The {@code lora-interp} auditor. When the audited checkpoint has a LoRA adapter it splits the target's positive
 * and negative prompts with {@link org.vivarium.api.audit.Split} ({@link PromptSplit}); on the fit and validation
 * parts it decomposes every update, compares the output direction with the contrastive mean difference (computed
 * with the {@code base} comparison model when there is one, else the audited model) against a random-direction
 * null, reads it through the unembedding, measures where the input directions fire (top contexts go to the host's
 * context index, {@code feature:lora/*}), and chooses each direction's sign and its coefficient (the adapter's
 * typical output length). On the test part it measures the cosine again ({@link TestCosines}) and states one
 * {@code DIRECTION} claim per adapted weight at the hook where the weight's output lands ({@link LoraClaims}).
 * Writes PNG plots and {@code lora-directions.json} into the target's out dir. Without an adapter it returns a
 * section with one unsupported claim saying so.
 */
@Component(service = Auditor.class)
public final class LoraInterpAuditor implements Auditor {
    /** The comparison-model role used for the mean differences when present. */
    public static final String BASE = "base";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContextIndex contextIndex;

    private final LoraInterpSettings settings;
    private final ContextIndex fixedIndex;

    /** Creates the auditor with {@link LoraInterpSettings#defaults()} and the host's context index, if any. */
    public LoraInterpAuditor() {
        this(LoraInterpSettings.defaults(), null);
    }

    /**
     * Creates the auditor with explicit settings and index (for tests and benchmarks).
     *
     * @param settings counts, thresholds and seeds
     * @param index the context index to write to, or null for the host's
     */
    public LoraInterpAuditor(LoraInterpSettings settings, ContextIndex index) {
        this.settings = settings;
        this.fixedIndex = index;
    }

    @Override
    public String name() {
        return "lora-interp";
    }

    @Override
    public AuditSection audit(AuditTarget target, MethodContext context) throws Exception {
        Optional<Path> adapter = target.adapter();
        if (adapter.isEmpty()) {
            return LoraSection.noAdapter(name());
        }
        if (target.blind()) {
            return LoraSection.blind(name());
        }
        List<LoraFactor> factors = context.runtime().readAdapter(adapter.get());
        Model base = target.comparisonModels().get(BASE);
        Optional<LoraInputs.RoleModel> contrast = base == null ? Optional.empty()
                : Optional.of(new LoraInputs.RoleModel(BASE, base));
        PromptSplit split = PromptSplit.of(target.positivePrompts(), target.negativePrompts());
        LoraInputs in = new LoraInputs(factors, Optional.of(target.model()), contrast,
                Corpus.of(split.selectionPositives(), split.selectionNegatives(), List.of()), Optional.empty(),
                target.organism(), "lora-interp/" + target.organism());
        LoraAnalysis a = new LoraAnalyzer(settings).analyze(in, context);
        Map<String, TestCosines.Result> test = TestCosines.measure(a, split, base != null ? base : target.model(),
                context);
        Path out = target.outDir();
        Files.createDirectories(out);
        Map<String, String> images = LoraPlots.write(out, a);
        DirectionsJson.write(out, a);
        String indexLine = ContextPublisher.publish(Optional.ofNullable(fixedIndex != null ? fixedIndex : contextIndex),
                a.contexts(), context.out());
        return LoraSection.build(name(), a, split, test, images, indexLine);
    }
}
