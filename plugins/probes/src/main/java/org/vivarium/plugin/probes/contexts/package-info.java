/**
 * Each probe's top-activating contexts: finding them (the prompts whose tokens score highest on the
 * probe direction) and publishing them to the context index or a {@code contexts.tsv} file.
 */
package org.vivarium.plugin.probes.contexts;
