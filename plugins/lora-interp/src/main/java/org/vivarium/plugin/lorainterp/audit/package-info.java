/**
 * The {@code lora-interp} auditor: findings of kind {@code adapter-direction}, metrics, plots and the Markdown
 * body of its report section.
 */
package org.vivarium.plugin.lorainterp.audit;
