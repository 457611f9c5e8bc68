/**
 * The method-plugin SPI. A plugin bundle registers one or more {@link org.vivarium.api.method.Method}
 * services (whiteboard pattern); the host lists them, adds their commands to {@code viv} and runs them
 * with a {@link org.vivarium.api.method.MethodContext}.
 *
 * <p>1.4 (since the 1.3 release) also adds {@code MethodContext.linearAlgebra()}.
 *
 * <p>2.0 replaces the hand-written {@code CommandArgs} parser (removed): a {@code MethodCommand} declares its
 * {@code options()} as {@code CommandOption}s, the host parses them with picocli, and {@code run} receives the
 * parsed {@code CommandInput}.
 */
@Export
@Version("2.0.0")
package org.vivarium.api.method;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
