/**
 * The {@code lora-interp} auditor's report section: the prompt split (selection vs test part), the test-part
 * cosines, one {@code DIRECTION} claim per adapted weight, metrics, plots and the Markdown body.
 */
package org.vivarium.plugin.lorainterp.audit;
