/**
 * The {@code em-finetune} audit section: settings, the measured choice of the fine-tune domain
 * ({@link org.vivarium.plugin.emfinetune.audit.DomainChoice}, validation half), the domain and behaviour claims
 * (test half), metrics, tables, plots and example answers.
 */
package org.vivarium.plugin.emfinetune.audit;
