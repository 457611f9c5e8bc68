package org.vivarium.launcher.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.vivarium.api.VivariumException;
import org.vivarium.launcher.plugins.PluginEvent.Kind;

/**
 * Keeps the bundles of a running host in step with the jars of one plugin directory.
 *
 * <p>A plugin is named after its jar ({@code plugins/probes.jar} is {@code probes}). Every jar is
 * installed and started unless the user stopped it ({@code plugins/.plugin-state.properties}). A broken
 * jar (not a zip, no manifest, no {@code Bundle-SymbolicName}, an import nobody exports, a throwing
 * activator, a failing DS component) produces exactly one {@link Kind#FAILED} event and never affects
 * the host or other plugins. With {@link #startWatching()} the directory is polled and jars dropped in,
 * replaced or removed are installed, updated or uninstalled while the host runs.
 *
 * <p>All operations are serialised; listener calls happen on the calling (or watcher) thread.
 */
public final class PluginManager implements AutoCloseable {

    /** The default polling interval of {@link #startWatching()}. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(300);

    /** The name of the start/stop state file inside the plugin directory. */
    public static final String STATE_FILE = ".plugin-state.properties";

    private final BundleContext context;
    private final PluginDirectory directory;
    private final PluginStateFile state;
    private final ReportedProblems reported;
    private final PluginListener listener;
    private final LongFunction<List<String>> methodNames;
    private final ComponentDiagnostics diagnostics;
    private final Map<String, PluginRecord> plugins = new TreeMap<>();
    private Map<String, JarFingerprint> lastScan = new HashMap<>();
    private PluginWatcher watcher;

    /**
     * Creates a manager; nothing is installed until {@link #loadAll()}.
     *
     * @param context the system bundle context of the running framework
     * @param directory the plugin directory; created if missing
     * @param listener receives one event per change or failure
     * @param methodNames the names of the methods a bundle (by id) currently provides
     */
    public PluginManager(BundleContext context, Path directory, PluginListener listener,
                         LongFunction<List<String>> methodNames) {
        this.context = context;
        this.directory = new PluginDirectory(directory);
        this.state = new PluginStateFile(directory.resolve(STATE_FILE));
        this.reported = new ReportedProblems(directory.resolve(ReportedProblems.FILE));
        this.listener = listener;
        this.methodNames = methodNames;
        this.diagnostics = new ComponentDiagnostics(context);
    }

    /** @return the plugin directory */
    public Path directory() {
        return directory.path();
    }

    /** Installs every jar of the plugin directory and starts those not marked stopped. */
    public synchronized void loadAll() {
        directory.create();
        state.reloadIfChanged();
        lastScan = directory.scan();
        reconcile(lastScan, Set.of());
    }

    /**
     * Looks at the directory once: jars that appeared or changed and stayed unchanged since the previous
     * poll are installed or updated, missing ones uninstalled, and start/stop marks applied.
     */
    public synchronized void poll() {
        state.reloadIfChanged();
        Map<String, JarFingerprint> now = directory.scan();
        Set<String> unsettled = new HashSet<>();
        now.forEach((name, fingerprint) -> {
            if (!fingerprint.equals(lastScan.get(name))) {
                unsettled.add(name); // possibly still being copied; act on the next poll
            }
        });
        lastScan = now;
        reconcile(now, unsettled);
    }

    /** Starts polling the directory every {@link #DEFAULT_POLL}; does nothing if already watching. */
    public void startWatching() {
        startWatching(DEFAULT_POLL);
    }

    /**
     * Starts polling the directory.
     *
     * @param interval the polling interval
     */
    public synchronized void startWatching(Duration interval) {
        if (watcher == null) {
            watcher = new PluginWatcher(this::poll, interval);
        }
    }

    /** @return one entry per jar in the plugin directory, sorted by name */
    public synchronized List<PluginInfo> list() {
        return plugins.values().stream().map(this::info).toList();
    }

    /**
     * Copies a jar into the plugin directory, then installs (or updates) and starts it. A start
     * failure is reported through the listener and in {@link PluginInfo#lastError()}.
     *
     * @param jar the bundle jar
     * @return the plugin's state afterwards
     * @throws VivariumException if the file is missing or not a bundle, or another plugin has its symbolic name
     */
    public synchronized PluginInfo install(Path jar) {
        return install(jar, false).info();
    }

    /**
     * Copies a jar into the plugin directory, then installs (or updates) and starts it. A jar whose plugin name
     * or bundle symbolic name is already taken by a different installed jar (e.g. a {@code probes.jar} over the
     * shipped probes plugin) is refused unless {@code replace} is set; then the jar it replaces is first copied
     * to {@code plugins/.replaced/}.
     *
     * @param jar the bundle jar
     * @param replace whether to replace a plugin with the same name or symbolic name
     * @return the plugin's state afterwards and the backups of replaced jars
     * @throws VivariumException if the file is missing or not a bundle, or clashes with a plugin and
     *         {@code replace} is not set
     */
    public synchronized Installed install(Path jar, boolean replace) {
        if (!Files.isRegularFile(jar)) {
            throw new VivariumException("plugin file " + jar + " does not exist", "check the path and try again");
        }
        PluginJar identity;
        try {
            identity = PluginJar.inspect(jar);
        } catch (PluginFailure f) {
            throw new VivariumException(jar.getFileName() + " " + f.getMessage(),
                    "build the plugin as an OSGi bundle (e.g. with bnd-maven-plugin) and install it again");
        }
        String name = PluginDirectory.nameOf(jar.getFileName().toString());
        List<Path> backups = new ArrayList<>();
        for (PluginRecord other : List.copyOf(plugins.values())) {
            if (!other.name.equals(name) && other.jar != null && other.jar.symbolicName().equals(identity.symbolicName())) {
                if (!replace) {
                    throw new VivariumException("plugin " + other.fileName() + " already provides bundle "
                            + identity.symbolicName(), "uninstall it first with 'viv plugin uninstall " + other.name
                            + "', or pass --replace to replace it (its jar is kept in " + directory.backups() + ")");
                }
                backups.add(directory.backUp(other.file));
                uninstall(other.name);
            }
        }
        PluginRecord existing = plugins.get(name);
        if (existing != null && !directory.sameContent(jar, existing.file)) {
            if (!replace) {
                throw new VivariumException("a plugin named " + name + " is already installed (" + existing.fileName()
                        + (existing.jar == null ? "" : ", bundle " + existing.jar.symbolicName() + " "
                        + existing.jar.version()) + ")", "pass --replace to replace it (the old jar is kept in "
                        + directory.backups() + "), or rename " + jar.getFileName() + " to install both");
            }
            backups.add(directory.backUp(existing.file));
        }
        Path target = directory.copyIn(jar, name);
        state.setStopped(name, false);
        JarFingerprint fingerprint = JarFingerprint.of(target)
                .orElseThrow(() -> new UncheckedIOException(new NoSuchFileException(target.toString())));
        lastScan.put(name, fingerprint);
        PluginRecord record = plugins.get(name);
        if (record == null) {
            add(name, fingerprint);
        } else if (!record.fingerprint.equals(fingerprint)) {
            replace(record, fingerprint);
        } else {
            record.lastError = null;
            applyChoice(record);
        }
        return new Installed(info(plugins.get(name)), List.copyOf(backups));
    }

    /**
     * What {@link #install(Path, boolean)} did.
     *
     * @param info the plugin's state afterwards
     * @param backups copies of the jars it replaced, in {@code plugins/.replaced/}; empty if it replaced none
     */
    public record Installed(PluginInfo info, List<Path> backups) {
    }

    /**
     * Starts a plugin and clears its stopped mark.
     *
     * @param name the plugin name, jar file name or bundle symbolic name
     * @return the plugin's state afterwards; a failure is in {@link PluginInfo#lastError()}
     * @throws VivariumException if there is no such plugin or its jar is not a bundle
     */
    public synchronized PluginInfo start(String name) {
        PluginRecord record = find(name);
        state.setStopped(record.name, false);
        if (!record.installed()) {
            throw new VivariumException("plugin " + record.fileName() + " " + record.lastError,
                    "fix the plugin or remove it with 'viv plugin uninstall " + record.name + "'");
        }
        if (record.bundle.getState() == Bundle.ACTIVE && record.lastError != null) {
            stopBundle(record); // retry a failed component activation from scratch
        }
        if (record.bundle.getState() != Bundle.ACTIVE || record.lastError != null) {
            startAndReport(record, Kind.STARTED, "started");
        }
        return info(record);
    }

    /**
     * Stops a plugin and remembers that across restarts.
     *
     * @param name the plugin name, jar file name or bundle symbolic name
     * @return the plugin's state afterwards
     * @throws VivariumException if there is no such plugin
     */
    public synchronized PluginInfo stop(String name) {
        PluginRecord record = find(name);
        state.setStopped(record.name, true);
        if (record.installed() && record.bundle.getState() == Bundle.ACTIVE) {
            stopBundle(record);
        }
        emit(Kind.STOPPED, record, "stopped");
        return info(record);
    }

    /**
     * Uninstalls a plugin and deletes its jar.
     *
     * @param name the plugin name, jar file name or bundle symbolic name
     * @throws VivariumException if there is no such plugin
     */
    public synchronized void uninstall(String name) {
        PluginRecord record = find(name);
        plugins.remove(record.name);
        lastScan.remove(record.name);
        uninstallBundle(record);
        try {
            Files.deleteIfExists(record.file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + record.file, e);
        }
        state.setStopped(record.name, false);
        reported.forget(record.fileName());
        emit(Kind.UNINSTALLED, record, "uninstalled and deleted");
    }

    /** Stops the directory watcher, if any. The bundles stay installed until the framework stops. */
    @Override
    public void close() {
        PluginWatcher running;
        synchronized (this) {
            running = watcher;
            watcher = null;
        }
        if (running != null) {
            running.close(); // outside the lock: a running poll needs it to finish
        }
    }

    private void reconcile(Map<String, JarFingerprint> present, Set<String> unsettled) {
        for (PluginRecord record : List.copyOf(plugins.values())) {
            if (!present.containsKey(record.name)) {
                plugins.remove(record.name);
                boolean installed = record.installed();
                uninstallBundle(record);
                emit(Kind.UNINSTALLED, record, "removed from " + directory.path().getFileName() + "/"
                        + (installed ? ", uninstalled" : ""));
            }
        }
        present.forEach((name, fingerprint) -> {
            if (unsettled.contains(name)) {
                return;
            }
            PluginRecord record = plugins.get(name);
            if (record == null) {
                add(name, fingerprint);
            } else if (!record.fingerprint.equals(fingerprint)) {
                replace(record, fingerprint);
            } else {
                applyChoice(record);
            }
        });
    }

    private void add(String name, JarFingerprint fingerprint) {
        PluginRecord record = new PluginRecord(name, directory.jar(name), fingerprint);
        plugins.put(name, record);
        if (!installBundle(record)) {
            return;
        }
        if (state.isStopped(name)) {
            emit(Kind.INSTALLED, record, "installed, not started (stopped; 'viv plugin start " + name + "' starts it)");
        } else {
            startAndReport(record, Kind.INSTALLED, "installed and started");
        }
    }

    private boolean installBundle(PluginRecord record) {
        try {
            record.jar = PluginJar.inspect(record.file);
        } catch (PluginFailure f) {
            fail(record, f.getMessage());
            return false;
        }
        try (InputStream in = Files.newInputStream(record.file)) {
            record.bundle = context.installBundle(record.file.toUri().toString(), in);
            return true;
        } catch (BundleException e) {
            fail(record, PluginProblems.install(e));
        } catch (IOException e) {
            fail(record, "cannot be read: " + e.getMessage());
        }
        return false;
    }

    private void replace(PluginRecord record, JarFingerprint fingerprint) {
        record.fingerprint = fingerprint;
        record.lastError = null;
        if (!record.installed()) {
            plugins.remove(record.name);
            add(record.name, fingerprint);
            return;
        }
        try {
            record.jar = PluginJar.inspect(record.file);
        } catch (PluginFailure f) {
            uninstallBundle(record);
            fail(record, f.getMessage());
            return;
        }
        stopBundle(record);
        try (InputStream in = Files.newInputStream(record.file)) {
            record.bundle.update(in);
        } catch (BundleException e) {
            fail(record, PluginProblems.install(e).replace("cannot be installed", "cannot be updated"));
            return;
        } catch (IOException e) {
            fail(record, "cannot be read: " + e.getMessage());
            return;
        }
        BundleRefresher.refresh(context, List.of(record.bundle));
        if (state.isStopped(record.name)) {
            emit(Kind.UPDATED, record, "updated, not started (stopped)");
        } else {
            startAndReport(record, Kind.UPDATED, "updated and restarted");
        }
    }

    private void applyChoice(PluginRecord record) {
        if (!record.installed() || record.jar.fragment()) {
            return;
        }
        boolean stopped = state.isStopped(record.name);
        int bundleState = record.bundle.getState();
        if (stopped && bundleState == Bundle.ACTIVE) {
            stopBundle(record);
            emit(Kind.STOPPED, record, "stopped");
        } else if (!stopped && record.lastError == null
                && (bundleState == Bundle.RESOLVED || bundleState == Bundle.INSTALLED)) {
            startAndReport(record, Kind.STARTED, "started");
        }
    }

    private void startAndReport(PluginRecord record, Kind kind, String verb) {
        record.lastError = null;
        if (!record.jar.fragment()) {
            try {
                record.bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                fail(record, PluginProblems.start(e));
                return;
            } catch (IllegalStateException e) {
                fail(record, "was uninstalled while starting");
                return;
            }
        }
        List<String> problems = diagnostics.problems(record.bundle);
        if (!problems.isEmpty()) {
            fail(record, String.join("; ", problems));
            return;
        }
        List<String> methods = methodNames.apply(record.bundle.getBundleId());
        emit(kind, record, verb + (methods.isEmpty() ? " (no methods)" : " (methods: " + String.join(", ", methods) + ")"));
    }

    private void stopBundle(PluginRecord record) {
        try {
            record.bundle.stop(Bundle.STOP_TRANSIENT);
        } catch (BundleException | IllegalStateException e) {
            // the bundle is stopped even when its activator's stop method throws
        }
    }

    private void uninstallBundle(PluginRecord record) {
        if (!record.installed()) {
            return;
        }
        Bundle bundle = record.bundle;
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            // uninstalled even when its activator's stop method throws
        }
        record.bundle = null;
        BundleRefresher.refresh(context, List.of(bundle));
    }

    private void fail(PluginRecord record, String reason) {
        record.lastError = reason;
        boolean repeated = !reported.firstReport(record.fileName(), record.fingerprint, reason);
        emit(Kind.FAILED, record, reason + " — fix the plugin or remove it with 'viv plugin uninstall " + record.name + "'",
                repeated);
    }

    private void emit(Kind kind, PluginRecord record, String message) {
        emit(kind, record, message, false);
    }

    private void emit(Kind kind, PluginRecord record, String message, boolean repeated) {
        try {
            listener.pluginEvent(new PluginEvent(kind, record.fileName(), message, repeated));
        } catch (RuntimeException e) {
            // a failing listener must not break plugin management
        }
    }

    private PluginInfo info(PluginRecord record) {
        boolean installed = record.installed();
        String stateName;
        if (record.jar == null) {
            stateName = "invalid";
        } else if (state.isStopped(record.name)) {
            stateName = "stopped";
        } else if (record.lastError != null) {
            stateName = "failed";
        } else if (!installed) {
            stateName = "uninstalled";
        } else {
            stateName = bundleState(record.bundle.getState());
        }
        return new PluginInfo(record.name, record.fileName(), installed ? record.bundle.getBundleId() : -1,
                record.jar == null ? null : record.jar.symbolicName(), record.jar == null ? null : record.jar.version(),
                stateName, installed ? methodNames.apply(record.bundle.getBundleId()) : List.of(), record.lastError);
    }

    private static String bundleState(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }

    private PluginRecord find(String name) {
        String key = PluginDirectory.nameOf(name);
        PluginRecord record = plugins.get(key);
        if (record != null) {
            return record;
        }
        for (PluginRecord candidate : plugins.values()) {
            if (candidate.jar != null && candidate.jar.symbolicName().equals(name)) {
                return candidate;
            }
        }
        String known = plugins.isEmpty() ? "no plugins are installed" : "installed: " + String.join(", ", plugins.keySet());
        throw new VivariumException("no plugin named '" + name + "' (" + known + ")",
                "see 'viv plugin list' for the names");
    }

}
