/**
 * The steering plugin: the {@code steering} method (CLI commands) and the {@code steering} auditor, both
 * registered with Declarative Services; sees only the platform API and the report library.
 */
package org.vivarium.plugin.steering;
