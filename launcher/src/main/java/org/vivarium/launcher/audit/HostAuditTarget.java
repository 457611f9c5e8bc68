package org.vivarium.launcher.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vivarium.checkpoint.adapter.AdapterIO;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.AuditData;

/**
 * The host's {@link AuditTarget}: an organism's loaded model and audit data, plus an output directory
 * per auditor. It holds no truth card.
 *
 * @param organism organism name
 * @param model the loaded model
 * @param checkpoint checkpoint directory
 * @param outDir this auditor's directory
 * @param data the organism's audit data
 * @param comparisonModels loaded comparison models by role (owned by the audit command)
 * @param comparisonCheckpoints their checkpoint directories, by role
 */
record HostAuditTarget(String organism, Model model, Path checkpoint, Path outDir,
        AuditData data, Map<String, Model> comparisonModels, Map<String, Path> comparisonCheckpoints)
        implements AuditTarget {

    @Override
    public Map<String, List<String>> promptSets() {
        return data.extras().promptSets();
    }

    @Override
    public Optional<BehaviourMeter> coherence() {
        return Optional.ofNullable(data.extras().coherence());
    }

    /** The checkpoint's own LoRA adapter, if the fine-tune wrote one beside the merged weights. */
    @Override
    public Optional<Path> adapter() {
        return adapterOf(checkpoint);
    }

    /**
     * @param checkpoint a checkpoint directory
     * @return the directory, if the fine-tune wrote its LoRA adapter there
     */
    static Optional<Path> adapterOf(Path checkpoint) {
        return AdapterIO.hasAdapter(checkpoint) ? Optional.of(checkpoint) : Optional.empty();
    }

    @Override
    public List<LabelledPrompt> labelledPrompts() {
        return data.labelledPrompts();
    }

    @Override
    public List<String> positivePrompts() {
        return data.positivePrompts();
    }

    @Override
    public List<String> negativePrompts() {
        return data.negativePrompts();
    }

    @Override
    public BehaviourMeter behaviour() {
        return data.behaviour();
    }

    @Override
    public GenerationOptions generation() {
        return data.generation();
    }
}
