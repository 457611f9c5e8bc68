package org.vivarium.organisms;

import java.io.PrintStream;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * What an organism needs from its caller.
 *
 * @param runtime the model runtime (owns native memory)
 * @param out where to print progress and results
 * @param interactive whether {@code out} is a terminal (progress bars redraw in place)
 */
public record OrganismContext(DjlModelRuntime runtime, PrintStream out, boolean interactive) {
}
