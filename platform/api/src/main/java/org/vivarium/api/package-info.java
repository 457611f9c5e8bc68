/**
 * Vivarium's public plugin API: the types a method plugin compiles against.
 *
 * <p>Nothing in this package tree mentions DJL, ND4J or any other engine; activations cross the API
 * as {@link org.vivarium.api.tensor.Tensor} values (plain {@code float[]} plus a shape).
 */
@Export
@Version("1.0.0")
package org.vivarium.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
