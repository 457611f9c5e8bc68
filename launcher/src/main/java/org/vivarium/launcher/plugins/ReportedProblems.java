package org.vivarium.launcher.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Which plugin problems earlier {@code viv} runs already reported ({@code plugins/.reported-problems.properties}):
 * one {@code FILE.jar=FINGERPRINT|REASON} line per broken jar, so that a broken plugin is reported once and not
 * by every later command. A changed jar or a different reason is reported again. Losing the file only means a
 * problem is reported once more, so read and write errors are ignored.
 */
final class ReportedProblems {

    /** The file name inside the plugin directory. */
    static final String FILE = ".reported-problems.properties";

    private final Path file;

    /**
     * @param file the file; it need not exist
     */
    ReportedProblems(Path file) {
        this.file = file;
    }

    /**
     * Records a problem and tells whether it is new.
     *
     * @param jar the jar's file name
     * @param fingerprint the jar's size and time stamp
     * @param reason the problem
     * @return {@code true} if this problem of this jar was not reported before
     */
    synchronized boolean firstReport(String jar, JarFingerprint fingerprint, String reason) {
        String key = (fingerprint == null ? "?" : fingerprint.size() + "/" + fingerprint.modifiedMillis()) + "|" + reason;
        Properties p = load();
        if (key.equals(p.getProperty(jar))) {
            return false;
        }
        p.setProperty(jar, key);
        store(p);
        return true;
    }

    /**
     * Forgets a jar, e.g. when it is uninstalled.
     *
     * @param jar the jar's file name
     */
    synchronized void forget(String jar) {
        Properties p = load();
        if (p.remove(jar) != null) {
            store(p);
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties(); // report again rather than fail
            }
        }
        return p;
    }

    private void store(Properties p) {
        try {
            PluginStateFile.store(file, p, "plugin problems already reported by viv; delete this file to see them all again");
        } catch (IOException e) {
            // at worst the problem is reported again next time
        }
    }
}
