/**
 * The {@code em-finetune} audit section: settings, findings against the truth card, metrics, tables, plots
 * and example answers.
 */
package org.vivarium.plugin.emfinetune.audit;
