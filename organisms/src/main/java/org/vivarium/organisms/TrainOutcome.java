package org.vivarium.organisms;

import java.nio.file.Path;

/**
 * The result of training.
 *
 * @param runDir the run directory
 * @param checkpoint the checkpoint directory
 * @param steps steps trained in total
 * @param finalLoss mean training loss over the last steps
 * @param seconds wall-clock training time of this invocation
 * @param tokensPerSecond average training throughput of this invocation
 */
public record TrainOutcome(Path runDir, Path checkpoint, int steps, float finalLoss, double seconds,
        double tokensPerSecond) {
}
