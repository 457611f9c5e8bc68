/**
 * PNG charts for results people would rather look at than read: {@link org.vivarium.report.plot.LinePlot},
 * {@link org.vivarium.report.plot.BarPlot}, {@link org.vivarium.report.plot.Heatmap} and
 * {@link org.vivarium.report.plot.Histogram}, drawn with java.awt in headless mode.
 */
@Export
@Version("1.0.0")
package org.vivarium.report.plot;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
