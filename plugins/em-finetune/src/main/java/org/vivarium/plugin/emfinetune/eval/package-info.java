/**
 * The emergent-misalignment measurement: answers of each model role to each held-out prompt set, classified
 * by the organism's meters, with counts, rates and Wilson intervals.
 */
package org.vivarium.plugin.emfinetune.eval;
