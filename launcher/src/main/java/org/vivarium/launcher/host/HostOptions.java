package org.vivarium.launcher.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.vivarium.api.VivariumException;
import org.vivarium.launcher.plugins.PluginListener;

/**
 * Where a {@link VivariumHost} finds its bundles and keeps its state.
 *
 * <pre>{@code
 * HostOptions options = HostOptions.forHome(home).withListener(e -> System.err.println(e.line()));
 * }</pre>
 *
 * @param coreBundles the Declarative Services runtime and its API bundles, installed and started first
 * @param pluginsDir the plugin directory, {@code <home>/plugins} by default
 * @param storageRoot where per-process Felix caches are created, {@code <home>/felix-cache} by default
 * @param listener receives one event per plugin install, update, start, stop, removal or failure
 * @param debug whether Felix and SCR may print their own error logs
 */
public record HostOptions(List<Path> coreBundles, Path pluginsDir, Path storageRoot,
                          PluginListener listener, boolean debug) {

    /** Copies the bundle list. */
    public HostOptions {
        coreBundles = List.copyOf(coreBundles);
    }

    /**
     * The standard layout of an installation (or a {@code --home} directory): {@code bundles/},
     * {@code plugins/} and {@code felix-cache/} under {@code home}.
     *
     * @param home the Vivarium home directory
     * @return options with a listener that ignores events
     * @throws VivariumException if {@code home/bundles} holds no bundle jars
     */
    public static HostOptions forHome(Path home) {
        return new HostOptions(bundleJars(home.resolve("bundles")), home.resolve("plugins"),
                home.resolve("felix-cache"), event -> { }, false);
    }

    /**
     * @param bundles the core bundle jars to use instead
     * @return a copy with these core bundles
     */
    public HostOptions withCoreBundles(List<Path> bundles) {
        return new HostOptions(bundles, pluginsDir, storageRoot, listener, debug);
    }

    /**
     * @param eventListener the plugin event listener
     * @return a copy with this listener
     */
    public HostOptions withListener(PluginListener eventListener) {
        return new HostOptions(coreBundles, pluginsDir, storageRoot, eventListener, debug);
    }

    /**
     * @param enabled whether Felix and SCR may log their own errors
     * @return a copy with this debug setting
     */
    public HostOptions withDebug(boolean enabled) {
        return new HostOptions(coreBundles, pluginsDir, storageRoot, listener, enabled);
    }

    /**
     * Lists the {@code *.jar} files of a bundle directory.
     *
     * @param dir the directory
     * @return the jars, sorted by name
     * @throws VivariumException if the directory is missing or holds no jars
     */
    public static List<Path> bundleJars(Path dir) {
        return bundleJars(dir, "OSGi runtime bundles");
    }

    /**
     * Lists the {@code *.jar} files of a directory of bundles that the distribution must hold.
     *
     * @param dir the directory
     * @param what what the jars are, for the error (e.g. {@code web bundles})
     * @return the jars, sorted by name
     * @throws VivariumException if the directory is missing or holds no jars
     */
    public static List<Path> bundleJars(Path dir, String what) {
        List<Path> jars;
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (jars.isEmpty()) {
            throw new VivariumException("no " + what + " in " + dir,
                    "rebuild the distribution with 'mvn -B -ntp -DskipTests package' or point --home at it");
        }
        return jars;
    }
}
