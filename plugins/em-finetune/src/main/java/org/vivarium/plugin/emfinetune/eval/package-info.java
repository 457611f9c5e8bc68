/**
 * The emergent-misalignment measurement: answers of each model role to every prompt of every domain, classified
 * by the organism's meters, counted per role, domain and prompt half ({@link org.vivarium.plugin.emfinetune.eval.Part}:
 * validation or test) with Wilson intervals.
 */
package org.vivarium.plugin.emfinetune.eval;
