package org.vivarium.api.train;

/**
 * The metrics of one finished optimizer step, as a {@link TrainingListener} receives them.
 *
 * @param step 1-based step number
 * @param loss training loss of the step's batch (nats per counted prediction; not finite if the step was skipped)
 * @param lr learning rate used
 * @param gradNorm global gradient norm before clipping
 * @param tokens tokens processed in this step
 * @param tokensPerSecond recent throughput, refreshed about four times a second (0 until first measured)
 */
public record TrainingStep(int step, float loss, float lr, float gradNorm, long tokens, double tokensPerSecond) {
}
