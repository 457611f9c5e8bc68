package org.vivarium.launcher.support;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.launcher.plugins.PluginEvent;
import org.vivarium.launcher.plugins.PluginListener;

/** Collects plugin events for assertions; thread-safe because the watcher reports from its own thread. */
public final class RecordingListener implements PluginListener {

    private final List<PluginEvent> events = new ArrayList<>();

    @Override
    public synchronized void pluginEvent(PluginEvent event) {
        events.add(event);
    }

    /** @return a snapshot of all events so far */
    public synchronized List<PluginEvent> events() {
        return List.copyOf(events);
    }

    /**
     * @param file a jar file name
     * @return the failure lines reported for it
     */
    public synchronized List<String> failures(String file) {
        return events.stream().filter(e -> e.isFailure() && e.file().equals(file)).map(PluginEvent::line).toList();
    }
}
