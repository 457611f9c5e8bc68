/** The latent-QA audit: settings, findings with thresholds, plots and the report section. */
package org.vivarium.plugin.latentqa.audit;
