package org.vivarium.plugin.probes.audit;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * An audit target for tests: what the host would hand the auditor, no answer key.
 *
 * @param organism organism name
 * @param model the model
 * @param checkpoint its checkpoint directory
 * @param outDir where the auditor writes
 * @param labelledPrompts labelled prompts
 * @param positivePrompts condition-present prompts
 * @param negativePrompts condition-absent prompts
 * @param behaviour the behaviour meter
 * @param generation decoding settings
 */
public record TestAuditTarget(String organism, Model model, Path checkpoint, Path outDir, List<LabelledPrompt> labelledPrompts,
        List<String> positivePrompts, List<String> negativePrompts, BehaviourMeter behaviour,
        GenerationOptions generation) implements AuditTarget {
}
