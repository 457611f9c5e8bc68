/**
 * PNG charts for results people would rather look at than read: {@link org.vivarium.report.plot.LinePlot},
 * {@link org.vivarium.report.plot.BarPlot}, {@link org.vivarium.report.plot.Heatmap} and
 * {@link org.vivarium.report.plot.Histogram}, drawn by JFreeChart in headless mode with the house theme.
 * JFreeChart stays behind these builders: no public signature here names one of its types, so plugins
 * import only this package and the library lives on the host's classpath.
 *
 * <p>2.0: the public {@code Ticks} helper was removed (JFreeChart places the ticks); the builders are unchanged.
 * 2.1: {@code BarPlot.Builder.series(name, values, lower, upper)}: error bars between bounds (e.g. Wilson intervals).
 */
@Export
@Version("2.1.0")
package org.vivarium.report.plot;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
