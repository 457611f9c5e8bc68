/**
 * Small output helpers shared by method plugins, which see no JSON library: atomic text writes and a
 * streaming JSON writer and reader, both thin wrappers over Gson on the host's classpath.
 */
@Export
@Version("1.0.0")
package org.vivarium.report.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
