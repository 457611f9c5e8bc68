package org.vivarium.runtime.train;

import java.util.Map;
import org.vivarium.api.train.TrainerSettings;

/**
 * Optimisation settings: the runtime side of {@link TrainerSettings} (same fields, same checks, same
 * defaults). Defaults follow common small-transformer practice.
 *
 * @param steps total optimizer steps
 * @param batchSize sequences per step
 * @param lr peak learning rate
 * @param minLrRatio final learning rate as a fraction of the peak (cosine floor)
 * @param warmupSteps linear warm-up length
 * @param weightDecay decoupled weight decay (applied to matrices only, not biases or LayerNorm)
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param eps Adam epsilon
 * @param gradClip maximum global gradient norm (0 disables clipping)
 * @param seed seed for initialisation and data
 * @param checkpointEvery save a resumable checkpoint every this many steps (0 = only at the end)
 */
public record TrainerConfig(int steps, int batchSize, float lr, float minLrRatio, int warmupSteps, float weightDecay,
        float beta1, float beta2, float eps, float gradClip, long seed, int checkpointEvery) {

    /** Validates the values with messages that name the field (the API record's checks). */
    public TrainerConfig {
        new TrainerSettings(steps, batchSize, lr, minLrRatio, warmupSteps, weightDecay, beta1, beta2, eps, gradClip,
                seed, checkpointEvery);
    }

    /**
     * The runtime's view of the API's settings (same fields, same meaning).
     *
     * @param s the settings a {@link org.vivarium.api.train.ModelTrainer} caller gave
     * @return the config
     */
    public static TrainerConfig of(TrainerSettings s) {
        return new TrainerConfig(s.steps(), s.batchSize(), s.lr(), s.minLrRatio(), s.warmupSteps(), s.weightDecay(),
                s.beta1(), s.beta2(), s.eps(), s.gradClip(), s.seed(), s.checkpointEvery());
    }

    /** @return the same values as the API record */
    public TrainerSettings toSettings() {
        return new TrainerSettings(steps, batchSize, lr, minLrRatio, warmupSteps, weightDecay, beta1, beta2, eps,
                gradClip, seed, checkpointEvery);
    }

    /**
     * Defaults for a given length and seed.
     *
     * @param steps total steps
     * @param seed random seed
     * @return the config
     */
    public static TrainerConfig defaults(int steps, long seed) {
        return of(TrainerSettings.defaults(steps, seed));
    }

    /**
     * Returns a copy with other values for the common knobs.
     *
     * @param newSteps steps
     * @param newBatch batch size
     * @param newLr learning rate
     * @return the copy
     */
    public TrainerConfig with(int newSteps, int newBatch, float newLr) {
        return of(toSettings().with(newSteps, newBatch, newLr));
    }

    /**
     * Returns a copy with a different checkpoint interval.
     *
     * @param every steps between checkpoints
     * @return the copy
     */
    public TrainerConfig withCheckpointEvery(int every) {
        return of(toSettings().withCheckpointEvery(every));
    }

    /** @return every setting as strings, for provenance */
    public Map<String, String> asSettings() {
        return toSettings().asSettings();
    }
}
