/** Heatmaps, labels and JSON helpers shared by the circuits commands and auditor. */
package org.vivarium.plugin.circuits.report;
