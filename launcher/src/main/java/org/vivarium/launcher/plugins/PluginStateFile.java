package org.vivarium.launcher.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The persisted start/stop choices ({@code plugins/.plugin-state.properties}): one
 * {@code NAME=stopped} line per plugin the user stopped. Plugins not listed are started.
 * Written atomically; re-read when another process changed it.
 */
final class PluginStateFile {

    private static final String STOPPED = "stopped";

    private final Path file;
    private final Set<String> stopped = new TreeSet<>();
    private String loadedStamp = "never read";

    /**
     * @param file the state file; it need not exist
     */
    PluginStateFile(Path file) {
        this.file = file;
    }

    /** Re-reads the file if it changed since the last read (or was never read). */
    void reloadIfChanged() {
        String stamp = stamp();
        if (stamp.equals(loadedStamp)) {
            return;
        }
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        stopped.clear();
        properties.forEach((name, value) -> {
            if (STOPPED.equals(String.valueOf(value).trim())) {
                stopped.add(String.valueOf(name));
            }
        });
        loadedStamp = stamp;
    }

    /**
     * @param name the plugin name
     * @return whether the user stopped it
     */
    boolean isStopped(String name) {
        return stopped.contains(name);
    }

    /**
     * Records a start/stop choice and writes the file.
     *
     * @param name the plugin name
     * @param stop {@code true} to mark it stopped, {@code false} to clear the mark
     */
    void setStopped(String name, boolean stop) {
        reloadIfChanged();
        boolean changed = stop ? stopped.add(name) : stopped.remove(name);
        if (changed) {
            write();
        }
    }

    private void write() {
        Properties properties = new Properties();
        stopped.forEach(name -> properties.setProperty(name, STOPPED));
        try {
            store(file, properties, "plugins stopped with 'viv plugin stop NAME'; 'viv plugin start NAME' clears");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        loadedStamp = stamp();
    }

    /**
     * Writes properties atomically: to a hidden temporary file in the same directory, then a rename.
     *
     * @param target the file
     * @param properties what to write
     * @param comment the header comment
     * @throws IOException if it cannot be written
     */
    static void store(Path target, Properties properties, String comment) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, comment);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String stamp() {
        try {
            return Files.getLastModifiedTime(file) + "/" + Files.size(file);
        } catch (IOException e) {
            return "absent";
        }
    }
}
