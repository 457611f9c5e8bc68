package org.vivarium.launcher.plugins;

import java.nio.file.Path;
import org.osgi.framework.Bundle;

/** The manager's mutable bookkeeping for one jar in the plugin directory; guarded by the manager. */
final class PluginRecord {

    final String name;
    final Path file;
    JarFingerprint fingerprint;
    PluginJar jar;
    Bundle bundle;
    String lastError;

    /**
     * @param name the plugin name (file name without {@code .jar})
     * @param file the jar
     * @param fingerprint its size and modification time when last read
     */
    PluginRecord(String name, Path file, JarFingerprint fingerprint) {
        this.name = name;
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** @return the jar's file name */
    String fileName() {
        return file.getFileName().toString();
    }

    /** @return whether the bundle is installed and not yet uninstalled */
    boolean installed() {
        return bundle != null && bundle.getState() != Bundle.UNINSTALLED;
    }
}
