package org.vivarium.plugin.lorainterp.analysis;

import java.util.List;
import java.util.Optional;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.lorainterp.pass.Corpus;

/**
 * What one analysis reads.
 *
 * @param factors the adapter's factors ({@code ModelRuntime.readAdapter})
 * @param model the model to place the weights in, read the unembedding of and run the corpus through; without
 *     it only the spectra (and the reference cosine) are computed
 * @param contrastModel the model for the mean differences, with its role (e.g. {@code base}); defaults to
 *     {@code model} as {@code audited}
 * @param corpus the prompts (positives and negatives give the contrast; all give activations)
 * @param reference a direction to compare with, if any
 * @param modelName the model name written into context records
 * @param run the run id written into context records
 */
public record LoraInputs(List<LoraFactor> factors, Optional<Model> model, Optional<RoleModel> contrastModel,
        Corpus corpus, Optional<ReferenceDirection> reference, String modelName, String run) {

    /**
     * A model with the role it plays.
     *
     * @param role e.g. {@code base}
     * @param model the model
     */
    public record RoleModel(String role, Model model) {
    }

    /** Copies the list. */
    public LoraInputs {
        factors = List.copyOf(factors);
    }
}
