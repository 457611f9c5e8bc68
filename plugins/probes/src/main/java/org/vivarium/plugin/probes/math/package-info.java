/**
 * The probing math in plain Java, testable without OSGi or a model: logistic-regression and
 * difference-of-means probes, stratified splits and held-out metrics (accuracy, AUROC).
 */
package org.vivarium.plugin.probes.math;
