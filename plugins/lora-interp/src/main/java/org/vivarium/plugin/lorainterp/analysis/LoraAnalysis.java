package org.vivarium.plugin.lorainterp.analysis;

import java.util.List;
import java.util.Optional;
import org.vivarium.api.index.ContextRecord;

/**
 * The analysis of one adapter.
 *
 * @param targets one entry per adapted weight, in adapter order
 * @param contexts the top contexts of every input direction, ready for the context index
 * @param positives condition-present prompts used
 * @param negatives condition-absent prompts used
 * @param unlabelled unlabelled prompts used
 * @param contrastModel which model the mean differences were computed with ({@code base}, {@code audited}, ...),
 *     empty if none were
 * @param reference the reference direction, if one was given
 * @param settings the settings used
 */
public record LoraAnalysis(List<TargetAnalysis> targets, List<ContextRecord> contexts, int positives,
        int negatives, int unlabelled, Optional<String> contrastModel, Optional<ReferenceDirection> reference,
        LoraInterpSettings settings) {
    /** Copies the lists. */
    public LoraAnalysis {
        targets = List.copyOf(targets);
        contexts = List.copyOf(contexts);
    }
}
