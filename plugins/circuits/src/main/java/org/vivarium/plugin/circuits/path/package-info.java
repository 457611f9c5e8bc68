/**
 * Path patching (Wang et al. 2022; Goldowsky-Dill et al. 2023): the effect of sender heads on the metric through
 * receiver heads' queries, keys or values only, by the two-pass method with every other head frozen.
 */
package org.vivarium.plugin.circuits.path;
