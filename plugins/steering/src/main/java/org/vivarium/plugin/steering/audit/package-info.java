/**
 * The steering audit of an organism: fit a contrastive direction on half the prompts, steer clean prompts
 * with it over a coefficient sweep, ablate it from triggered prompts, and turn the numbers into findings,
 * plots and tables.
 */
package org.vivarium.plugin.steering.audit;
