/**
 * The probes plugin's contribution to {@code viv audit}: per-layer probes separating the organism's
 * condition-present from condition-absent prompts.
 */
package org.vivarium.plugin.probes.audit;
