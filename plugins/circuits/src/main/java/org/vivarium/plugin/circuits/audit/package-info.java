/**
 * The circuits plugin's contribution to {@code viv audit}: an induction circuit found by head ablation on repeated
 * random tokens (chosen on validation sequences, reported on test sequences), with K-composition as evidence.
 */
package org.vivarium.plugin.circuits.audit;
