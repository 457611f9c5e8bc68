package org.vivarium.plugin.latentqa.decoder;

import java.nio.file.Path;
import org.vivarium.api.train.FineTuneResult;

/**
 * A trained decoder on disk.
 *
 * @param dir the decoder directory ({@code checkpoint/}, {@value DecoderSpecFile#FILE}, {@code loss.csv},
 *     {@code loss.png})
 * @param spec what it reads and how
 * @param fineTune the fine-tune's result (checkpoint, first and last loss)
 */
public record DecoderRun(Path dir, DecoderSpec spec, FineTuneResult fineTune) {
    /** @return the decoder checkpoint directory */
    public Path checkpoint() {
        return fineTune.checkpoint();
    }
}
