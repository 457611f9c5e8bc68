/**
 * A terminal progress bar (the progressbar library) implementing {@link org.vivarium.api.method.Progress}: redraws in place
 * on a console, prints a short line every few seconds in CI logs.
 */
@Export
@Version("2.0.0")
package org.vivarium.report.progress;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
