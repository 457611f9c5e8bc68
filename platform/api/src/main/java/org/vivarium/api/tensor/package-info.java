/**
 * Engine-neutral dense tensors used to pass activations, weights and directions across the API.
 */
@Export
@Version("1.0.0")
package org.vivarium.api.tensor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
