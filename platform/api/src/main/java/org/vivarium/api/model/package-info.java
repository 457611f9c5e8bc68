/**
 * The hooked-transformer API: model configuration, TransformerLens-style hook names, hooks that read,
 * replace, add or ablate activations, and the {@link org.vivarium.api.model.Model} service itself.
 */
@Export
@Version("1.6.0")
package org.vivarium.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
