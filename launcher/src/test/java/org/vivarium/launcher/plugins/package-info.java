/** Tests of plugin management: broken jars, persisted state, the directory watcher. */
package org.vivarium.launcher.plugins;
