package org.vivarium.plugin.emfinetune.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * An emergent-misalignment {@link AuditTarget} for tests, built the way the host builds one: the audited model,
 * comparison models by role, per-domain prompt sets under plain domain names (nothing says which is the fine-tune
 * domain), the two meters and decoding settings. There is no truth card and no planted layer.
 *
 * @param model the audited (fine-tuned) model
 * @param checkpoint its checkpoint
 * @param outDir where the auditor writes
 * @param comparisonModels role to model
 * @param promptSets domain name to prompts
 * @param behaviour the misalignment meter
 * @param coherenceMeter the coherence meter, or null
 * @param generation decoding settings
 */
record TestAuditTarget(Model model, Path checkpoint, Path outDir, Map<String, Model> comparisonModels,
        Map<String, List<String>> promptSets, BehaviourMeter behaviour, BehaviourMeter coherenceMeter,
        GenerationOptions generation) implements AuditTarget {

    @Override
    public String organism() {
        return "em";
    }

    @Override
    public List<LabelledPrompt> labelledPrompts() {
        return List.of();
    }

    @Override
    public List<String> positivePrompts() {
        return List.of();
    }

    @Override
    public List<String> negativePrompts() {
        return List.of();
    }

    @Override
    public Optional<BehaviourMeter> coherence() {
        return Optional.ofNullable(coherenceMeter);
    }
}
