/**
 * The context index API: one searchable entry per (feature, context) with the firing token, its
 * activation and where it came from, plus full-text, per-feature and aggregate queries over them.
 */
@Export
@Version("1.1.0")
package org.vivarium.api.index;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
