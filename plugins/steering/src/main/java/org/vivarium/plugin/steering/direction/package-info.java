/**
 * Contrastive directions: the mean residual of condition-present prompts minus that of condition-absent
 * prompts at each residual-stream site, with a held-out separation score per site.
 */
package org.vivarium.plugin.steering.direction;
