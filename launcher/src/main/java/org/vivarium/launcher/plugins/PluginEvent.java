package org.vivarium.launcher.plugins;

/**
 * Something that happened to one plugin jar.
 *
 * @param kind what happened
 * @param file the jar's file name, e.g. {@code probes.jar}
 * @param message what to tell the user, e.g. {@code installed and started (methods: probes)}
 * @param repeated for a failure: whether the same problem of the same jar was already reported by an earlier
 *        {@code viv} run (see {@code plugins/.reported-problems.properties}), so a command may stay quiet about it
 */
public record PluginEvent(Kind kind, String file, String message, boolean repeated) {

    /**
     * An event that is not a repeat.
     *
     * @param kind what happened
     * @param file the jar's file name
     * @param message what to tell the user
     */
    public PluginEvent(Kind kind, String file, String message) {
        this(kind, file, message, false);
    }

    /** The kinds of plugin events. */
    public enum Kind {
        /** A new jar was installed (and started unless marked stopped). */
        INSTALLED,
        /** A replaced jar was updated in place. */
        UPDATED,
        /** A plugin was started. */
        STARTED,
        /** A plugin was stopped. */
        STOPPED,
        /** A plugin was uninstalled because its jar was removed. */
        UNINSTALLED,
        /** A plugin jar is broken; the message names the problem and the fix. */
        FAILED
    }

    /** @return whether this event reports a broken plugin */
    public boolean isFailure() {
        return kind == Kind.FAILED;
    }

    /** @return the one line shown to the user, e.g. {@code plugin probes.jar: stopped} */
    public String line() {
        return "plugin " + file + ": " + message;
    }
}
