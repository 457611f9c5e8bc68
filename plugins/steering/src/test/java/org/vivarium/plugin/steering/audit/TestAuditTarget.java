package org.vivarium.plugin.steering.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.AuditData;

/**
 * An {@link AuditTarget} for tests, built the way the host builds one: a loaded model, its checkpoint, prompt
 * sets, meter and decoding settings, and an output directory. Like the host's, it carries no answer key (no truth
 * card, no planted layer).
 *
 * @param organism organism name
 * @param model the loaded model
 * @param checkpoint its checkpoint directory
 * @param outDir where the auditor writes
 * @param labelledPrompts labelled prompts
 * @param positivePrompts condition-present prompts
 * @param negativePrompts condition-absent prompts, paired by index
 * @param behaviour the behaviour meter
 * @param generation decoding settings
 * @param coherenceMeter the organism's coherence meter, or null
 */
record TestAuditTarget(String organism, Model model, Path checkpoint, Path outDir,
        List<LabelledPrompt> labelledPrompts, List<String> positivePrompts, List<String> negativePrompts,
        BehaviourMeter behaviour, GenerationOptions generation, BehaviourMeter coherenceMeter) implements AuditTarget {

    @Override
    public Optional<BehaviourMeter> coherence() {
        return Optional.ofNullable(coherenceMeter);
    }

    /**
     * Wraps an organism's audit data (its prompt sets, meters and decoding settings only).
     *
     * @param organism organism name
     * @param model the loaded model
     * @param checkpoint its checkpoint directory
     * @param outDir where the auditor writes
     * @param data the organism's audit data
     * @return the target
     */
    static TestAuditTarget from(String organism, Model model, Path checkpoint, Path outDir, AuditData data) {
        return new TestAuditTarget(organism, model, checkpoint, outDir, data.labelledPrompts(),
                data.positivePrompts(), data.negativePrompts(), data.behaviour(), data.generation(),
                data.extras().coherence());
    }
}
