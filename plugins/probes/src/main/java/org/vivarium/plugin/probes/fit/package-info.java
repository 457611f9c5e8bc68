/** Fitting and evaluating every requested probe kind at every selected hook on one train/test split. */
package org.vivarium.plugin.probes.fit;
