/**
 * The method-plugin SPI. A plugin bundle registers one or more {@link org.vivarium.api.method.Method}
 * services (whiteboard pattern); the host lists them, adds their commands to {@code viv} and runs them
 * with a {@link org.vivarium.api.method.MethodContext}.
 *
 * <p>1.4 (since the 1.3 release) also adds {@code MethodContext.linearAlgebra()}.
 *
 * <p>1.5 adds {@code CommandOption} (options declared as data, parsed by the host's picocli) and
 * {@code CommandInput} (the parsed values).
 */
@Export
@Version("1.5.0")
package org.vivarium.api.method;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
