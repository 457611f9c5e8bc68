package org.vivarium.api.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuning job.
 *
 * @param base the checkpoint directory to start from
 * @param examples the training data (sampled with replacement by the seed)
 * @param adapter LoRA or full
 * @param steps optimizer steps
 * @param batchSize examples per step
 * @param learningRate peak learning rate (warm-up then cosine decay)
 * @param seed fixes adapter initialisation and batch order
 * @param out directory to write: a merged checkpoint ({@code checkpoint/}, loadable by
 *     {@link org.vivarium.api.model.ModelRuntime#load}) with the adapter beside its weights, plus
 *     {@code loss.csv} and {@code loss.png}
 * @param recipe a name recorded in the provenance, e.g. {@code em-finetune/bad-finance}
 * @param recipeSettings extra settings recorded in the provenance (under {@code recipe.KEY}), e.g. the
 *     domain of a narrow data set
 */
public record FineTuneRequest(Path base, List<TrainingExample> examples, AdapterSpec adapter, int steps,
        int batchSize, double learningRate, long seed, Path out, String recipe, Map<String, String> recipeSettings) {

    /**
     * A request with no extra recipe settings.
     *
     * @param base the checkpoint directory to start from
     * @param examples the training data
     * @param adapter LoRA or full
     * @param steps optimizer steps
     * @param batchSize examples per step
     * @param learningRate peak learning rate
     * @param seed the seed
     * @param out the output directory
     * @param recipe the recipe name
     */
    public FineTuneRequest(Path base, List<TrainingExample> examples, AdapterSpec adapter, int steps, int batchSize,
            double learningRate, long seed, Path out, String recipe) {
        this(base, examples, adapter, steps, batchSize, learningRate, seed, out, recipe, Map.of());
    }

    /** Checks the values. */
    public FineTuneRequest {
        recipeSettings = Map.copyOf(recipeSettings);
        examples = List.copyOf(examples);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a fine-tune needs at least one training example");
        }
        if (steps < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("steps, batch size and learning rate must be positive");
        }
    }
}
