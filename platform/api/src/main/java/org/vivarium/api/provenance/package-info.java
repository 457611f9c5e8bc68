/**
 * Provenance records carried by every checkpoint and result: recipe, seed, data hash, code version,
 * parent.
 */
@Export
@Version("1.0.0")
package org.vivarium.api.provenance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
