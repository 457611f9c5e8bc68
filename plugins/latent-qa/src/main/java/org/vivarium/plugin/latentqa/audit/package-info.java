/**
 * The latent-QA audit: settings, the fit / validation / test evaluation turned into claims (a behaviour claim and a
 * domain claim, chosen on validation and decided on test), plots and the report section.
 */
package org.vivarium.plugin.latentqa.audit;
