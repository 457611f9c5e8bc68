package org.vivarium.launcher.plugins;

/** Receives plugin events; called on the thread that caused them (a command or the watcher). */
@FunctionalInterface
public interface PluginListener {
    /**
     * Handles one event.
     *
     * @param event the event; {@link PluginEvent#line()} is ready to print
     */
    void pluginEvent(PluginEvent event);
}
