package org.vivarium.launcher.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.launcher.host.HostOptions;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.support.RecordingListener;
import org.vivarium.launcher.support.TestHomes;
import org.vivarium.launcher.support.TestPlugins;

class PluginManagerTest {

    @TempDir
    Path dir;

    private VivariumHost start(Path home, RecordingListener events) {
        VivariumHost host = new VivariumHost(HostOptions.forHome(home).withListener(events), TestHomes.stubRuntime());
        host.start();
        return host;
    }

    @Test
    void installCopiesTheJarAndStartsIt() {
        Path home = TestHomes.create(dir.resolve("home"));
        Path jar = TestPlugins.activator(dir.resolve("outside/greeter.jar"), "test.greeter", "greet");
        RecordingListener events = new RecordingListener();
        try (VivariumHost host = start(home, events)) {
            PluginInfo info = host.plugins().install(jar);
            assertEquals("greeter", info.name());
            assertEquals("active", info.state());
            assertEquals(List.of("greet"), info.methods());
            assertTrue(Files.isRegularFile(home.resolve("plugins/greeter.jar")));
            assertTrue(host.method("greet").isPresent());
            assertEquals("plugin greeter.jar: installed and started (methods: greet)", events.events().get(0).line());
        }
    }

    @Test
    void installRejectsMissingAndNonBundleFilesWithoutCopyingThem() {
        Path home = TestHomes.create(dir.resolve("home"));
        Path notZip = TestPlugins.notAZip(dir.resolve("outside/junk.jar"));
        try (VivariumHost host = start(home, new RecordingListener())) {
            VivariumException missing = assertThrows(VivariumException.class,
                    () -> host.plugins().install(dir.resolve("nope.jar")));
            assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
            VivariumException junk = assertThrows(VivariumException.class, () -> host.plugins().install(notZip));
            assertTrue(junk.getMessage().startsWith("junk.jar is not a jar (zip) file"), junk.getMessage());
            assertFalse(Files.exists(home.resolve("plugins/junk.jar")));
            assertTrue(host.plugins().list().isEmpty());
        }
    }

    @Test
    void installRefusesASecondJarWithTheSameSymbolicName() {
        Path home = TestHomes.create(dir.resolve("home"));
        TestPlugins.activator(home.resolve("plugins/first.jar"), "test.same", "one");
        Path second = TestPlugins.activator(dir.resolve("outside/second.jar"), "test.same", "two");
        try (VivariumHost host = start(home, new RecordingListener())) {
            VivariumException e = assertThrows(VivariumException.class, () -> host.plugins().install(second));
            assertTrue(e.getMessage().contains("uninstall it first with 'viv plugin uninstall first'"), e.getMessage());
        }
    }

    @Test
    void stopAndStartPersistAcrossHostRestarts() {
        Path home = TestHomes.create(dir.resolve("home"));
        TestPlugins.activator(home.resolve("plugins/good.jar"), "test.good", "hello");
        try (VivariumHost host = start(home, new RecordingListener())) {
            PluginInfo stopped = host.plugins().stop("good");
            assertEquals("stopped", stopped.state());
            assertTrue(host.method("hello").isEmpty());
        }
        try (VivariumHost host = start(home, new RecordingListener())) {
            assertEquals("stopped", host.plugins().list().get(0).state());
            assertTrue(host.method("hello").isEmpty());
            assertEquals("active", host.plugins().start("test.good").state()); // by symbolic name
            assertTrue(host.method("hello").isPresent());
        }
        try (VivariumHost host = start(home, new RecordingListener())) {
            assertEquals("active", host.plugins().list().get(0).state());
            assertTrue(host.method("hello").isPresent());
        }
    }

    @Test
    void uninstallRemovesBundleAndJar() {
        Path home = TestHomes.create(dir.resolve("home"));
        TestPlugins.activator(home.resolve("plugins/good.jar"), "test.good", "hello");
        TestPlugins.throwingActivator(home.resolve("plugins/broken-activate.jar"));
        try (VivariumHost host = start(home, new RecordingListener())) {
            host.plugins().uninstall("good.jar");
            host.plugins().uninstall("broken-activate");
            assertTrue(host.method("hello").isEmpty());
            assertTrue(host.plugins().list().isEmpty());
            assertFalse(Files.exists(home.resolve("plugins/good.jar")));
            assertFalse(Files.exists(home.resolve("plugins/broken-activate.jar")));
        }
    }

    @Test
    void unknownPluginNamesListTheInstalledOnes() {
        Path home = TestHomes.create(dir.resolve("home"));
        TestPlugins.activator(home.resolve("plugins/good.jar"), "test.good", "hello");
        try (VivariumHost host = start(home, new RecordingListener())) {
            VivariumException e = assertThrows(VivariumException.class, () -> host.plugins().stop("gdo"));
            assertEquals("no plugin named 'gdo' (installed: good) — see 'viv plugin list' for the names", e.getMessage());
        }
    }

    @Test
    void startingABrokenPluginAgainReportsItsProblemOnceMore() {
        Path home = TestHomes.create(dir.resolve("home"));
        TestPlugins.throwingActivator(home.resolve("plugins/broken-activate.jar"));
        RecordingListener events = new RecordingListener();
        try (VivariumHost host = start(home, events)) {
            assertEquals(1, events.failures("broken-activate.jar").size());
            PluginInfo info = host.plugins().start("broken-activate");
            assertEquals("failed", info.state());
            assertEquals("failed to start: activator threw IllegalStateException: boom", info.lastError());
            assertEquals(2, events.failures("broken-activate.jar").size());
        }
    }
}
