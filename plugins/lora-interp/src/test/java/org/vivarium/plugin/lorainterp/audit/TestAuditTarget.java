package org.vivarium.plugin.lorainterp.audit;

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
 * An {@link AuditTarget} for tests, built as the host builds one for a LoRA-fine-tuned organism: the audited
 * (merged) model, its base as the {@code base} comparison model, the adapter directory and the contrastive
 * prompts. There is no truth card and no planted layer. lora-interp measures no behaviour, so the generation
 * accessor refuses; the behaviour meter only has a name.
 *
 * @param model the audited model
 * @param base the base model, or null
 * @param adapterDir the adapter, or null
 * @param outDir where the auditor writes
 * @param positivePrompts condition-present prompts
 * @param negativePrompts condition-absent prompts
 */
record TestAuditTarget(Model model, Model base, Path adapterDir, Path outDir, List<String> positivePrompts,
        List<String> negativePrompts) implements AuditTarget {

    @Override
    public String organism() {
        return "tiny-em";
    }

    @Override
    public Path checkpoint() {
        return outDir.resolve("checkpoint");
    }

    @Override
    public List<LabelledPrompt> labelledPrompts() {
        return List.of();
    }

    @Override
    public BehaviourMeter behaviour() {
        return new BehaviourMeter() {
            @Override
            public String name() {
                return "persona";
            }

            @Override
            public boolean shows(String prompt, String continuation) {
                throw new UnsupportedOperationException("lora-interp measures no behaviour");
            }

            @Override
            public double accuracy() {
                return 1;
            }
        };
    }

    @Override
    public GenerationOptions generation() {
        throw new UnsupportedOperationException("lora-interp generates nothing");
    }

    @Override
    public Map<String, Model> comparisonModels() {
        return base == null ? Map.of() : Map.of("base", base);
    }

    @Override
    public Optional<Path> adapter() {
        return Optional.ofNullable(adapterDir);
    }
}
