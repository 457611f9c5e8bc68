package org.vivarium.plugin.circuits.audit;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * An audit target as the host builds one for the induction organism: a model and an output directory, and no
 * prompt sets (the organism has none; the auditor builds its own sequences).
 */
record TestAuditTarget(Model model, Path checkpoint, Path outDir) implements AuditTarget {
    @Override
    public String organism() {
        return "induction";
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
    public BehaviourMeter behaviour() {
        return new BehaviourMeter() {
            @Override
            public String name() {
                return "in-context copying";
            }

            @Override
            public boolean shows(String prompt, String continuation) {
                return false;
            }

            @Override
            public double accuracy() {
                return 1;
            }
        };
    }

    @Override
    public GenerationOptions generation() {
        return GenerationOptions.greedy(8);
    }
}
