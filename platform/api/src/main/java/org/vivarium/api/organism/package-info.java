/**
 * Truth cards: what was planted in a model organism, where and how strongly, so audits can be scored.
 */
@Export
@Version("1.0.0")
package org.vivarium.api.organism;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
