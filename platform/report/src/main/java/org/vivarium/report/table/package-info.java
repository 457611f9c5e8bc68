/**
 * Tables and pages for results: a {@link org.vivarium.report.table.Table} written as CSV, Markdown or part of a
 * standalone {@link org.vivarium.report.table.HtmlReport}.
 */
@Export
@Version("1.0.0")
package org.vivarium.report.table;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
