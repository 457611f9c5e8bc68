package org.vivarium.plugin.probes.contexts;

import org.vivarium.api.index.ContextRecord;

/**
 * One top-activating context of a probe: the context-index record plus its rank and the prompt's label.
 *
 * @param record the context record (feature, text, firing-token span, score, model, run, hook, layer)
 * @param rank 1-based rank within the probe's contexts
 * @param label the prompt's label, 0 or 1
 * @param dataLine the prompt's line in the data file
 */
public record ProbeContext(ContextRecord record, int rank, int label, int dataLine) {
}
