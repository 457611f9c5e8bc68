/**
 * The steering audit of an organism with honest selection: fit contrastive directions on the fit part of the
 * prompts, choose the site and coefficient on the validation part, report the chosen one (and an
 * attention-output ablation) on the test part, and turn the numbers into claims, plots and tables.
 */
package org.vivarium.plugin.steering.audit;
