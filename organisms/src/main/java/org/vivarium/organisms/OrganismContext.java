package org.vivarium.organisms;

import java.io.PrintStream;
import org.vivarium.api.model.ModelRuntime;

/**
 * What an organism needs from its caller.
 *
 * @param runtime the model runtime: loads checkpoints and gives the trainer ({@link ModelRuntime#trainer()}) and
 *     the fine-tuner ({@link ModelRuntime#fineTuner()}) that raise the organism
 * @param out where to print progress and results
 * @param interactive whether {@code out} is a terminal (progress bars redraw in place)
 */
public record OrganismContext(ModelRuntime runtime, PrintStream out, boolean interactive) {
}
