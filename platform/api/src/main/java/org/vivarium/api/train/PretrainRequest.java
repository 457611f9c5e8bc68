package org.vivarium.api.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;

/**
 * A pretraining job for {@link ModelTrainer}: train a fresh model of {@code model}'s architecture on
 * {@code data}, or continue the resumable checkpoint in {@code runDir}.
 *
 * <pre>{@code
 * PretrainRequest req = new PretrainRequest("organism/induction", modelCfg,
 *         TrainerSettings.defaults(2000, 7).withCheckpointEvery(500), batches, tokenizer,
 *         Path.of("runs/induction"), false, Map.of("length", "40"));
 * }</pre>
 *
 * @param recipe a name recorded in the provenance, e.g. {@code organism/induction}; a resume must use the same
 * @param model the architecture
 * @param settings optimisation settings, including the seed and the checkpoint interval
 * @param data the batches
 * @param tokenizer saved with the checkpoint
 * @param runDir the run directory: the trainer writes {@code runDir/checkpoint} (see
 *     {@link ModelTrainer#CHECKPOINT_DIR}), {@code loss.csv} and {@code loss.png}
 * @param resume continue from the checkpoint in {@code runDir} if there is one (it must hold optimizer state and
 *     come from the same recipe and architecture); otherwise the run starts fresh and replaces it
 * @param recipeSettings recipe-specific settings recorded in the provenance (under {@code data.KEY})
 */
public record PretrainRequest(String recipe, ModelConfig model, TrainerSettings settings, BatchSource data,
        Tokenizer tokenizer, Path runDir, boolean resume, Map<String, String> recipeSettings) {
    /** Checks that nothing is missing and copies the settings map (keeping its order). */
    public PretrainRequest {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(runDir, "runDir");
        recipeSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(recipeSettings));
    }

    /** @return the checkpoint directory inside the run directory */
    public Path checkpointDir() {
        return runDir.resolve(ModelTrainer.CHECKPOINT_DIR);
    }
}
