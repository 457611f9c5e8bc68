package org.vivarium.api.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a pretraining run wrote and how its loss moved.
 *
 * @param checkpoint the checkpoint directory (weights, config, tokenizer, provenance and optimizer state),
 *     loadable by {@link org.vivarium.api.model.ModelRuntime#load}
 * @param lossCurve the {@code loss.csv} beside it (step, loss, lr, grad_norm, tokens_per_s; a {@code loss.png}
 *     is drawn next to it), covering earlier runs of a resumed run too
 * @param firstStep the first step this call ran; greater than {@code lastStep} if a resumed run was already done
 * @param lastStep the last step
 * @param losses the loss of every step this call ran, in order
 * @param finalLoss mean loss over the last 50 steps of the whole curve (NaN if none was run)
 * @param skippedSteps steps skipped (no update) because their loss or gradient was not finite
 * @param tokens tokens processed by this call
 * @param seconds wall time of this call's steps
 */
public record PretrainResult(Path checkpoint, Path lossCurve, int firstStep, int lastStep, List<Float> losses,
        float finalLoss, int skippedSteps, long tokens, double seconds) {
    /** Copies the losses. */
    public PretrainResult {
        losses = List.copyOf(losses);
    }

    /** @return tokens per second over this call, 0 if it ran no step */
    public double tokensPerSecond() {
        return seconds > 0 ? tokens / seconds : 0;
    }
}
