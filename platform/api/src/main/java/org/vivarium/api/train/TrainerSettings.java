package org.vivarium.api.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.VivariumException;

/**
 * Optimisation settings of a pretraining run ({@link ModelTrainer}): AdamW with decoupled weight decay, a linear
 * warm-up to the peak learning rate then cosine decay to {@code lr * minLrRatio} at the last step, global-norm
 * gradient clipping. Defaults follow common small-transformer practice.
 *
 * <pre>{@code
 * TrainerSettings s = TrainerSettings.defaults(2000, 7)   // 2000 steps, seed 7
 *         .with(2000, 16, 2e-3f)                           // batch of 16, peak lr 2e-3
 *         .withCheckpointEvery(500);                       // resumable checkpoint every 500 steps
 * }</pre>
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
 * @param seed seed for initialisation and data: the same seed gives the same weights and loss curve
 * @param checkpointEvery save a resumable checkpoint every this many steps (0 = only at the end)
 */
public record TrainerSettings(int steps, int batchSize, float lr, float minLrRatio, int warmupSteps,
        float weightDecay, float beta1, float beta2, float eps, float gradClip, long seed, int checkpointEvery) {

    /** Validates the values with messages that name the field. */
    public TrainerSettings {
        StringBuilder bad = new StringBuilder();
        if (steps <= 0) {
            bad.append(" steps=").append(steps).append(" must be > 0;");
        }
        if (batchSize <= 0) {
            bad.append(" batch_size=").append(batchSize).append(" must be > 0;");
        }
        if (!(lr > 0)) {
            bad.append(" lr=").append(lr).append(" must be > 0;");
        }
        if (warmupSteps < 0) {
            bad.append(" warmup=").append(warmupSteps).append(" must be >= 0;");
        }
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            bad.append(" betas must be in [0,1);");
        }
        if (gradClip < 0 || weightDecay < 0 || minLrRatio < 0 || minLrRatio > 1) {
            bad.append(" grad_clip, weight_decay must be >= 0 and min_lr_ratio in [0,1];");
        }
        if (bad.length() > 0) {
            throw new VivariumException("invalid training settings:" + bad, "fix the values and rerun");
        }
    }

    /**
     * Defaults for a given length and seed: batch 32, lr 1e-3 decaying to 1e-4, warm-up of a tenth of the steps
     * (1 to 100), weight decay 0.01, betas 0.9/0.99, clipping at 1.0, a checkpoint at the end only.
     *
     * @param steps total steps
     * @param seed random seed
     * @return the settings
     */
    public static TrainerSettings defaults(int steps, long seed) {
        return new TrainerSettings(steps, 32, 1e-3f, 0.1f, Math.min(100, Math.max(1, steps / 10)), 0.01f, 0.9f,
                0.99f, 1e-8f, 1.0f, seed, 0);
    }

    /**
     * Returns a copy with other values for the common knobs.
     *
     * @param newSteps steps
     * @param newBatch batch size
     * @param newLr learning rate
     * @return the copy
     */
    public TrainerSettings with(int newSteps, int newBatch, float newLr) {
        return new TrainerSettings(newSteps, newBatch, newLr, minLrRatio, warmupSteps, weightDecay, beta1, beta2,
                eps, gradClip, seed, checkpointEvery);
    }

    /**
     * Returns a copy with a different checkpoint interval.
     *
     * @param every steps between checkpoints (0 = only at the end)
     * @return the copy
     */
    public TrainerSettings withCheckpointEvery(int every) {
        return new TrainerSettings(steps, batchSize, lr, minLrRatio, warmupSteps, weightDecay, beta1, beta2, eps,
                gradClip, seed, every);
    }

    /** @return every optimisation setting as strings, for provenance (the checkpoint interval is not one) */
    public Map<String, String> asSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("steps", String.valueOf(steps));
        m.put("batch_size", String.valueOf(batchSize));
        m.put("lr", String.valueOf(lr));
        m.put("min_lr_ratio", String.valueOf(minLrRatio));
        m.put("warmup_steps", String.valueOf(warmupSteps));
        m.put("weight_decay", String.valueOf(weightDecay));
        m.put("betas", beta1 + "," + beta2);
        m.put("eps", String.valueOf(eps));
        m.put("grad_clip", String.valueOf(gradClip));
        m.put("seed", String.valueOf(seed));
        return m;
    }
}
