package org.vivarium.launcher.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.BlindData;

/**
 * The host's <b>blind</b> {@link AuditTarget}: the model, its base checkpoint, and the organism's
 * {@link BlindData} (a secret-free corpus, the platform's meters, named prompt sets, how to insert a word). No
 * labelled or contrastive prompts and no "the" behaviour meter: {@link #behaviour()} throws, and the auditor
 * chooses a meter from {@link #meters()}. It holds no truth card.
 *
 * @param organism organism name
 * @param model the loaded model
 * @param checkpoint checkpoint directory
 * @param outDir this auditor's directory
 * @param data the organism's blind data
 * @param comparisonModels the loaded base model by role (owned by the audit command)
 * @param comparisonCheckpoints its checkpoint directory, by role
 */
record BlindAuditTarget(String organism, Model model, Path checkpoint, Path outDir, BlindData data,
        Map<String, Model> comparisonModels, Map<String, Path> comparisonCheckpoints) implements AuditTarget {

    @Override
    public boolean blind() {
        return true;
    }

    @Override
    public List<String> corpus() {
        return data.corpus();
    }

    @Override
    public Map<String, BehaviourMeter> meters() {
        return data.meters();
    }

    @Override
    public Map<String, List<String>> promptSets() {
        return data.promptSets();
    }

    @Override
    public String insert(String prompt, String text, long seed) {
        if (data.insertion() == null) {
            return AuditTarget.super.insert(prompt, text, seed);
        }
        return data.insertion().insert(prompt, text, seed);
    }

    /** @return nothing: a blind audit has no labelled prompts */
    @Override
    public List<LabelledPrompt> labelledPrompts() {
        return List.of();
    }

    /** @return nothing: a blind audit has no condition-present prompts */
    @Override
    public List<String> positivePrompts() {
        return List.of();
    }

    /** @return nothing: a blind audit has no condition-absent prompts */
    @Override
    public List<String> negativePrompts() {
        return List.of();
    }

    /** @throws IllegalStateException always: in a blind audit the auditor chooses a meter itself */
    @Override
    public BehaviourMeter behaviour() {
        throw new IllegalStateException("blind audit: choose a meter from meters()");
    }

    @Override
    public GenerationOptions generation() {
        return data.generation();
    }

    /** @return the meter whose name says coherence, if the organism has one */
    @Override
    public Optional<BehaviourMeter> coherence() {
        return data.meters().entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("coheren"))
                .map(Map.Entry::getValue).findFirst();
    }

    @Override
    public Optional<Path> adapter() {
        return HostAuditTarget.adapterOf(checkpoint);
    }
}
