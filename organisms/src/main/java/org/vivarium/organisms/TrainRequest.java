package org.vivarium.organisms;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the user asked for when training an organism.
 *
 * @param seed random seed (weights and data)
 * @param steps training steps, or 0 for the organism's default
 * @param out run directory; the checkpoint goes to {@code out/checkpoint}
 * @param resume continue from the checkpoint in {@code out} if it holds training state
 * @param options organism-specific options, e.g. {@code corpus=/path/to/text.txt} for {@code lm}
 */
public record TrainRequest(long seed, int steps, Path out, boolean resume, Map<String, String> options) {
    /** Copies the options. */
    public TrainRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /**
     * A request without options.
     *
     * @param seed seed
     * @param steps steps (0 = default)
     * @param out run directory
     * @param resume resume flag
     */
    public TrainRequest(long seed, int steps, Path out, boolean resume) {
        this(seed, steps, out, resume, Map.of());
    }
}
