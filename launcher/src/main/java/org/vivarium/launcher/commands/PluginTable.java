package org.vivarium.launcher.commands;

import java.io.PrintStream;
import java.util.List;
import org.vivarium.launcher.plugins.PluginInfo;

/** Prints {@code viv plugin list} as an aligned table, with each plugin's last error below it. */
final class PluginTable {

    private PluginTable() {
    }

    /**
     * @param plugins the plugins
     * @param out the stream
     */
    static void print(List<PluginInfo> plugins, PrintStream out) {
        int name = width(plugins.stream().map(PluginInfo::name).toList(), "NAME");
        int bundle = width(plugins.stream().map(p -> dash(p.symbolicName())).toList(), "BUNDLE");
        int version = width(plugins.stream().map(p -> dash(p.version())).toList(), "VERSION");
        String row = "%-4s %-" + name + "s %-8s %-" + bundle + "s %-" + version + "s %s%n";
        out.printf(row, "ID", "NAME", "STATE", "BUNDLE", "VERSION", "METHODS");
        for (PluginInfo p : plugins) {
            out.printf(row, p.bundleId() < 0 ? "-" : Long.toString(p.bundleId()), p.name(), p.state(),
                    dash(p.symbolicName()), dash(p.version()), p.methods().isEmpty() ? "-" : String.join(", ", p.methods()));
            if (p.lastError() != null) {
                out.println("     last error: " + p.lastError());
            }
        }
    }

    private static int width(List<String> values, String header) {
        return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
