/**
 * The probes plugin's contribution to {@code viv audit}: probes fitted on a fit part of the organism's labelled
 * prompts, chosen on a validation part and reported on a test part, giving a DIRECTION claim (the chosen probe's
 * class-mean difference) and a TRIGGER claim (the token span where the probes' per-token scores first depart from
 * their condition-absent range and which recurs only in condition-present prompts), found without any answer key.
 */
package org.vivarium.plugin.probes.audit;
