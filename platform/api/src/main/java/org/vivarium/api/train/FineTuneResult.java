package org.vivarium.api.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a fine-tune wrote.
 *
 * @param checkpoint the merged checkpoint directory (base plus update), loadable by the model runtime
 * @param adapterDir the LoRA adapter directory ({@code adapter.safetensors} + {@code adapter_config.json}),
 *     or {@code null} after full fine-tuning
 * @param firstLoss mean completion loss over the first steps (nats/token)
 * @param lastLoss mean completion loss over the last steps (nats/token)
 * @param skippedSteps steps skipped because the loss or gradient was not finite
 */
public record FineTuneResult(Path checkpoint, Path adapterDir, double firstLoss, double lastLoss,
        int skippedSteps) {
    /** @return the adapter directory if the fine-tune was LoRA */
    public Optional<Path> adapter() {
        return Optional.ofNullable(adapterDir);
    }
}
