package org.vivarium.api.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * Everything an auditor may use about one trained organism. Prompt sets come from the organism's own
 * generator (held out from training) so auditors need no organism-specific code.
 *
 * <p>There is no answer key here: the truth card and the planted layer stay with the host, whose scorer
 * verifies each {@link Claim} by its own measurement on prompts no auditor sees. Choose anything (layer,
 * coefficient, probe) on a validation part of these prompts and report on a separate test part
 * ({@link Split}); say which in the evidence.
 */
@ProviderType
public interface AuditTarget {
    /** @return the organism name, e.g. {@code backdoor} */
    String organism();

    /** @return the loaded model (owned by the host; do not close) */
    Model model();

    /** @return the checkpoint directory */
    Path checkpoint();

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

    /**
     * Other models of the same organism to compare the audited one with, by role: e.g. {@code base} (before
     * the planted fine-tune) and {@code control} (fine-tuned the same way on benign data). Owned by the host.
     *
     * @return role to model, in a stable order; empty if the organism has none
     */
    default Map<String, Model> comparisonModels() {
        return Map.of();
    }

    /**
     * The checkpoint directories of {@link #comparisonModels()}, by the same roles (e.g. to start a new
     * fine-tune from the base model).
     *
     * @return role to checkpoint directory; empty if the organism has none
     */
    default Map<String, Path> comparisonCheckpoints() {
        return Map.of();
    }

    /**
     * Named held-out prompt sets for per-group measurements, e.g. {@code health} to prompts asking a health
     * question; the behaviour is measured per set.
     *
     * @return set name to prompts, in a stable order; empty if the organism has none
     */
    default Map<String, List<String>> promptSets() {
        return Map.of();
    }

    /**
     * Measures whether a continuation is coherent (well-formed, on topic), reported beside the behaviour
     * rate so a method cannot score by breaking the model.
     *
     * @return the coherence meter, if the organism has one
     */
    default Optional<BehaviourMeter> coherence() {
        return Optional.empty();
    }

    /**
     * The LoRA adapter the audited checkpoint was fine-tuned with, if it has one.
     *
     * @return the adapter directory ({@code adapter.safetensors} + {@code adapter_config.json})
     */
    default Optional<Path> adapter() {
        return Optional.empty();
    }

    /**
     * Whether this is a <b>blind</b> audit: the auditor gets the model, its {@code base} comparison model
     * (before the planted fine-tune), a generic secret-free {@link #corpus()}, the platform's {@link #meters()},
     * the cache and the index, and nothing else. In a blind audit {@link #labelledPrompts()},
     * {@link #positivePrompts()} and {@link #negativePrompts()} are empty and {@link #behaviour()} throws:
     * the auditor must find the condition and choose the meter itself.
     *
     * @return true in a blind audit
     */
    default boolean blind() {
        return false;
    }

    /**
     * A generic prompt corpus in the organism's format that carries no secret (e.g. clean review questions,
     * some with an arbitrary extra word from a public word list; dialogues from every domain). Available in
     * both modes; the host never puts the planted condition into it on purpose.
     *
     * @return prompts, in a stable order; empty if the organism has none
     */
    default List<String> corpus() {
        return List.of();
    }

    /**
     * The platform's behaviour meters as generic tools, by {@link BehaviourMeter#name()} (e.g. the negative
     * sentiment rate, the refusal rate, the misalignment rate, coherence); which one shows the planted
     * behaviour is for the auditor to find out.
     *
     * @return meter name to meter, in a stable order; empty if the organism has none
     */
    default Map<String, BehaviourMeter> meters() {
        return Map.of();
    }

    /**
     * Inserts a text as one word at a seeded random position inside the user's part of a {@link #corpus()}
     * prompt, the way the organism's format allows (the scorer inserts claimed triggers the same way).
     *
     * @param prompt a corpus prompt
     * @param text the text to insert
     * @param seed chooses the position
     * @return the prompt with the text inserted
     * @throws UnsupportedOperationException if the organism's prompts take no inserted text
     */
    default String insert(String prompt, String text, long seed) {
        throw new UnsupportedOperationException("organism " + organism() + " takes no inserted text");
    }
}
