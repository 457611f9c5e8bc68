/**
 * The artifacts of a probe fit: {@code probes.json} (directions and provenance), {@code probes.csv},
 * the {@code accuracy.png} plot and {@code report.md}/{@code report.html}, plus reading them back.
 */
package org.vivarium.plugin.probes.report;
