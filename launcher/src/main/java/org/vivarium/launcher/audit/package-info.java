/**
 * {@code viv audit ORGANISM}: runs every installed {@link org.vivarium.api.audit.Auditor} against a trained
 * organism and writes one report (Markdown, HTML, JSON, PNG) scored against the organism's truth card.
 * {@code viv audit ORGANISM --blind --seeds 1-5}: the same over sealed organisms of several seeds, with auditors
 * that get the blind target, an {@link org.vivarium.launcher.audit.Investigator} that merges their claims, and a
 * leaderboard of method x claim kind with Wilson intervals.
 */
package org.vivarium.launcher.audit;
