/** Plain vector arithmetic and separation scores (AUROC, Cohen's d) on {@code float[]} activations. */
package org.vivarium.plugin.steering.math;
