package org.vivarium.plugin.latentqa;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * An {@link AuditTarget} built the way the host builds one: the audited model and its checkpoint, comparison models
 * and their checkpoints by role, labelled prompts and prompt sets, and no answer key. latent-qa measures no
 * generated text: the behaviour meter only has a name (the site of a behaviour claim) and refuses to classify, and
 * the decoding settings refuse, so a test fails if the auditor ever generates from the audited model.
 *
 * @param organism the organism name (the audited model's role)
 * @param model the audited model
 * @param checkpoint its checkpoint directory
 * @param outDir where the auditor writes
 * @param labelledPrompts labelled prompts (1 = condition)
 * @param comparisonModels role to model
 * @param comparisonCheckpoints role to checkpoint directory
 * @param promptSets set name to prompts
 * @param meter the behaviour meter's name
 */
public record TestAuditTarget(String organism, Model model, Path checkpoint, Path outDir,
        List<LabelledPrompt> labelledPrompts, Map<String, Model> comparisonModels,
        Map<String, Path> comparisonCheckpoints, Map<String, List<String>> promptSets, String meter)
        implements AuditTarget {
    /** The meter name the em organism gives its behaviour. */
    public static final String EM_METER = "misaligned-answer rate";

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
        return new BehaviourMeter() {
            @Override
            public String name() {
                return meter;
            }

            @Override
            public boolean shows(String prompt, String continuation) {
                throw new UnsupportedOperationException("latent-qa measures no generated text");
            }

            @Override
            public double accuracy() {
                return 1;
            }
        };
    }

    @Override
    public GenerationOptions generation() {
        throw new UnsupportedOperationException("latent-qa decodes with its own settings");
    }
}
