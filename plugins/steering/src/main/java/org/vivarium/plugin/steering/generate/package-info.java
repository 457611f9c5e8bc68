/**
 * Generation under interventions: a coefficient sweep adding a direction to the residual stream, and
 * directional ablation projecting it out of every residual site, each measured with a behaviour meter and
 * a coherence proxy.
 */
package org.vivarium.plugin.steering.generate;
