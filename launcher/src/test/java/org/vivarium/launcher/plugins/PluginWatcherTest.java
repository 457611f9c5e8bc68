package org.vivarium.launcher.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.host.HostOptions;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.support.Await;
import org.vivarium.launcher.support.RecordingListener;
import org.vivarium.launcher.support.TestHomes;
import org.vivarium.launcher.support.TestPlugins;

class PluginWatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void jarsDroppedReplacedAndRemovedWhileRunningAreInstalledUpdatedAndUninstalled() throws IOException {
        Path home = TestHomes.create(dir.resolve("home"));
        Path plugins = home.resolve("plugins");
        TestPlugins.activator(plugins.resolve("good.jar"), "test.good", "hello");
        RecordingListener events = new RecordingListener();
        try (VivariumHost host = new VivariumHost(HostOptions.forHome(home).withListener(events), TestHomes.stubRuntime())) {
            host.start();
            host.plugins().startWatching(Duration.ofMillis(100));

            TestPlugins.activator(plugins.resolve("late.jar"), "test.late", "v1");
            assertTrue(Await.until(() -> host.method("v1").isPresent(), WAIT), "dropped jar was not picked up");

            Path v2 = TestPlugins.activator(dir.resolve("staging/late.jar"), "test.late", "v2");
            Files.move(v2, plugins.resolve("late.jar"), StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Await.until(() -> host.method("v2").isPresent() && host.method("v1").isEmpty(), WAIT),
                    "replaced jar was not updated");

            Files.delete(plugins.resolve("late.jar"));
            assertTrue(Await.until(() -> host.method("v2").isEmpty(), WAIT), "removed jar was not uninstalled");
            assertTrue(host.method("hello").isPresent(), "the other plugin must keep running");
        }
        assertTrue(events.events().stream().anyMatch(e -> e.line().equals("plugin late.jar: installed and started (methods: v1)")));
        assertTrue(events.events().stream().anyMatch(e -> e.line().equals("plugin late.jar: updated and restarted (methods: v2)")));
        assertTrue(events.events().stream().anyMatch(e -> e.kind() == PluginEvent.Kind.UNINSTALLED && e.file().equals("late.jar")));
    }

    @Test
    void aBrokenJarDroppedWhileRunningIsReportedOnceAndNotRetried() {
        Path home = TestHomes.create(dir.resolve("home"));
        Path plugins = home.resolve("plugins");
        TestPlugins.activator(plugins.resolve("good.jar"), "test.good", "hello");
        RecordingListener events = new RecordingListener();
        try (VivariumHost host = new VivariumHost(HostOptions.forHome(home).withListener(events), TestHomes.stubRuntime())) {
            host.start();
            host.plugins().startWatching(Duration.ofMillis(100));
            TestPlugins.throwingActivator(plugins.resolve("broken-activate.jar"));
            assertTrue(Await.until(() -> !events.failures("broken-activate.jar").isEmpty(), WAIT));
            Await.quietFor(Duration.ofMillis(800)); // several more polls
            assertEquals(1, events.failures("broken-activate.jar").size(), events.failures("broken-activate.jar").toString());
            assertTrue(host.method("hello").isPresent());
        }
    }

    @Test
    void stopMarksWrittenByAnotherProcessAreApplied() throws IOException {
        Path home = TestHomes.create(dir.resolve("home"));
        Path plugins = home.resolve("plugins");
        TestPlugins.activator(plugins.resolve("good.jar"), "test.good", "hello");
        try (VivariumHost host = new VivariumHost(HostOptions.forHome(home), TestHomes.stubRuntime())) {
            host.start();
            host.plugins().startWatching(Duration.ofMillis(100));
            Properties state = new Properties();
            state.setProperty("good", "stopped");
            try (var out = Files.newOutputStream(plugins.resolve(PluginManager.STATE_FILE))) {
                state.store(out, null);
            }
            assertTrue(Await.until(() -> host.method("hello").isEmpty(), WAIT), "stop mark was not applied");
            Files.delete(plugins.resolve(PluginManager.STATE_FILE));
            assertTrue(Await.until(() -> host.method("hello").isPresent(), WAIT), "cleared mark did not restart it");
        }
    }
}
