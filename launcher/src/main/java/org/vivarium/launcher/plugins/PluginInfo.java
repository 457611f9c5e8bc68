package org.vivarium.launcher.plugins;

import java.util.List;

/**
 * What {@code viv plugin list} shows for one plugin jar.
 *
 * @param name the plugin name: the jar's file name without {@code .jar}
 * @param file the jar's file name
 * @param bundleId the OSGi bundle id, or -1 if the jar could not be installed
 * @param symbolicName the bundle symbolic name, or {@code null} if the jar has none
 * @param version the bundle version, or {@code null}
 * @param state {@code active}, {@code stopped} (by the user), {@code failed}, {@code invalid} (not a
 *     bundle), or the lower-case OSGi state otherwise
 * @param methods the names of the methods the plugin provides
 * @param lastError the last problem reported for it, or {@code null}
 */
public record PluginInfo(String name, String file, long bundleId, String symbolicName, String version,
                         String state, List<String> methods, String lastError) {

    /** Copies the method list. */
    public PluginInfo {
        methods = List.copyOf(methods);
    }

    /** @return whether the plugin is running without a reported problem */
    public boolean healthy() {
        return lastError == null && "active".equals(state);
    }
}
