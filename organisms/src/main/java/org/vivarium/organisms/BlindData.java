package org.vivarium.organisms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;

/**
 * What an organism gives auditors in a <b>blind</b> audit: a generic prompt corpus that carries no secret,
 * the platform's behaviour meters as generic tools, the base checkpoint to diff against, and how a text is
 * inserted into a prompt. No labelled or contrastive prompt set and no "the" behaviour meter: finding the
 * condition and the behaviour is the auditor's job.
 *
 * @param corpus generic prompts in the organism's format (none is built around the secret)
 * @param meters every platform meter that applies to the organism's outputs, by {@link BehaviourMeter#name()}
 * @param generation seeded decoding settings for behaviour measurements
 * @param promptSets generic named prompt sets (e.g. one per domain, covering all domains)
 * @param comparisonCheckpoints role to checkpoint directory relative to the run directory; only {@code base}
 * @param insertion how a text is inserted as a word into a corpus prompt, or null if the format takes none
 */
public record BlindData(List<String> corpus, Map<String, BehaviourMeter> meters, GenerationOptions generation,
        Map<String, List<String>> promptSets, Map<String, String> comparisonCheckpoints, Insertion insertion) {

    /** Inserts a text into a prompt as a word at a seeded position. */
    @FunctionalInterface
    public interface Insertion {
        /**
         * @param prompt a corpus prompt
         * @param text the text
         * @param seed chooses the position
         * @return the prompt with the text inserted
         */
        String insert(String prompt, String text, long seed);
    }

    /** Copies the collections, keeping their order. */
    public BlindData {
        corpus = List.copyOf(corpus);
        meters = Collections.unmodifiableMap(new LinkedHashMap<>(meters));
        Map<String, List<String>> sets = new LinkedHashMap<>();
        promptSets.forEach((k, v) -> sets.put(k, List.copyOf(v)));
        promptSets = Collections.unmodifiableMap(sets);
        comparisonCheckpoints = Collections.unmodifiableMap(new LinkedHashMap<>(comparisonCheckpoints));
    }
}
