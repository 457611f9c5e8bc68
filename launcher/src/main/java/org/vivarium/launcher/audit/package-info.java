/**
 * {@code viv audit ORGANISM}: runs every installed {@link org.vivarium.api.audit.Auditor} against a trained
 * organism and writes one report (Markdown, HTML, JSON, PNG) scored against the organism's truth card.
 */
package org.vivarium.launcher.audit;
