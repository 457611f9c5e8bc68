package org.vivarium.plugin.steering.audit;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.api.organism.TruthCard;
import org.vivarium.organisms.AuditData;

/**
 * An {@link AuditTarget} for tests, built the way the host builds one: a loaded model, its checkpoint, the
 * organism's truth card, prompt sets, meter and decoding settings, and an output directory.
 *
 * @param organism organism name
 * @param model the loaded model
 * @param checkpoint its checkpoint directory
 * @param truthCard what was planted
 * @param outDir where the auditor writes
 * @param labelledPrompts labelled prompts
 * @param positivePrompts condition-present prompts
 * @param negativePrompts condition-absent prompts, paired by index
 * @param behaviour the behaviour meter
 * @param generation decoding settings
 * @param plantedLayer the planted layer, or -1
 */
record TestAuditTarget(String organism, Model model, Path checkpoint, TruthCard truthCard, Path outDir,
        List<LabelledPrompt> labelledPrompts, List<String> positivePrompts, List<String> negativePrompts,
        BehaviourMeter behaviour, GenerationOptions generation, int plantedLayer) implements AuditTarget {

    /**
     * Wraps an organism's audit data.
     *
     * @param organism organism name
     * @param model the loaded model
     * @param checkpoint its checkpoint directory
     * @param truthCard what was planted
     * @param outDir where the auditor writes
     * @param data the organism's audit data
     * @return the target
     */
    static TestAuditTarget from(String organism, Model model, Path checkpoint, TruthCard truthCard, Path outDir,
            AuditData data) {
        return new TestAuditTarget(organism, model, checkpoint, truthCard, outDir, data.labelledPrompts(),
                data.positivePrompts(), data.negativePrompts(), data.behaviour(), data.generation(),
                data.plantedLayer());
    }
}
