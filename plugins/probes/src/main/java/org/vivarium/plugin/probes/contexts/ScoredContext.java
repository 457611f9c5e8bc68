package org.vivarium.plugin.probes.contexts;

/**
 * A prompt's highest-scoring token for one probe.
 *
 * @param prompt the prompt index
 * @param token the token position within the (truncated) prompt
 * @param score the probe score at that token
 */
public record ScoredContext(int prompt, int token, double score) {
}
