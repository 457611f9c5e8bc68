/**
 * Attribution patching (Nanda 2023; Syed et al. 2023): the first-order estimate of every activation patch from
 * one forward and one backward pass, {@code (a_source - a_base) . d metric / d a} at the base run, and its
 * comparison with real activation patching over the same sites.
 */
package org.vivarium.plugin.circuits.attribution;
