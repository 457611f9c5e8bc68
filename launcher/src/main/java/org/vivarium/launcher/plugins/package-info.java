/**
 * Plugin management: the {@code plugins/} directory, its persisted start/stop state, a polling watcher
 * for hot install/update/removal, and one-line diagnostics for broken plugin jars.
 */
package org.vivarium.launcher.plugins;
