package org.vivarium.api.audit;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.api.organism.TruthCard;

/**
 * Everything an auditor may use about one trained organism. Prompt sets come from the organism's own
 * generator (held out from training) so auditors need no organism-specific code.
 */
@ProviderType
public interface AuditTarget {
    /** @return the organism name, e.g. {@code backdoor} */
    String organism();

    /** @return the loaded model (owned by the host; do not close) */
    Model model();

    /** @return the checkpoint directory */
    Path checkpoint();

    /** @return what was planted, to compare findings against */
    TruthCard truthCard();

    /** @return where this auditor writes plots and artifacts (a directory of its own) */
    Path outDir();

    /**
     * Prompts labelled 1 where the planted condition holds (trigger present, misaligned persona) and 0
     * where it does not; for probes.
     *
     * @return labelled prompts, balanced
     */
    List<LabelledPrompt> labelledPrompts();

    /**
     * Prompts with the planted condition; paired by index with {@link #negativePrompts()} where possible
     * (e.g. the same prompt with and without the trigger); for contrastive directions.
     *
     * @return condition-present prompts
     */
    List<String> positivePrompts();

    /** @return condition-absent prompts */
    List<String> negativePrompts();

    /** @return how to measure the planted behaviour in generated text */
    BehaviourMeter behaviour();

    /** @return decoding settings for behaviour measurements (seeded, so audits repeat) */
    GenerationOptions generation();

    /** @return the residual-stream layer the truth card points at, or -1 if it does not say */
    int plantedLayer();
}
