package org.vivarium.plugin.latentqa;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.api.organism.TruthCard;

/**
 * An {@link AuditTarget} built the way the host builds one: the audited model and its checkpoint, comparison models
 * by role, labelled prompts and prompt sets. latent-qa measures no behaviour, so the behaviour accessors refuse.
 *
 * @param organism the organism name (the audited model's role)
 * @param model the audited model
 * @param checkpoint its checkpoint directory
 * @param truthCard what was planted
 * @param outDir where the auditor writes
 * @param labelledPrompts labelled prompts (1 = condition)
 * @param comparisonModels role to model
 * @param promptSets set name to prompts
 */
public record TestAuditTarget(String organism, Model model, Path checkpoint, TruthCard truthCard, Path outDir,
        List<LabelledPrompt> labelledPrompts, Map<String, Model> comparisonModels,
        Map<String, List<String>> promptSets) implements AuditTarget {

    @Override
    public List<String> positivePrompts() {
        return labelledPrompts.stream().filter(p -> p.label() == 1).map(LabelledPrompt::text).toList();
    }

    @Override
    public List<String> negativePrompts() {
        return labelledPrompts.stream().filter(p -> p.label() == 0).map(LabelledPrompt::text).toList();
    }

    @Override
    public BehaviourMeter behaviour() {
        throw new UnsupportedOperationException("latent-qa measures no behaviour");
    }

    @Override
    public GenerationOptions generation() {
        throw new UnsupportedOperationException("latent-qa decodes with its own settings");
    }

    @Override
    public int plantedLayer() {
        return -1;
    }
}
