package org.vivarium.launcher.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.host.HostOptions;
import org.vivarium.launcher.host.MethodInfo;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.support.RecordingListener;
import org.vivarium.launcher.support.TestHomes;
import org.vivarium.launcher.support.TestPlugins;

class BrokenPluginsTest {

    private static final Map<String, String> EXPECTED_REASONS = Map.of(
            "not-a-zip.jar", "is not a jar (zip) file",
            "no-name.jar", "has no Bundle-SymbolicName in its manifest",
            "missing-import.jar", "cannot resolve: it imports package org.nonexistent.pkg",
            "broken-activate.jar", "failed to start: activator threw IllegalStateException: boom",
            "broken-ds.jar", "component test.ds.bad.component failed to activate: activate threw IllegalStateException: ds boom");

    @TempDir
    Path dir;

    @Test
    void eachBrokenJarIsOneLineAndTheGoodPluginKeepsServing() {
        Path home = TestHomes.create(dir.resolve("home"));
        Path plugins = home.resolve("plugins");
        TestPlugins.activator(plugins.resolve("good.jar"), "test.good", "hello");
        TestPlugins.notAZip(plugins.resolve("not-a-zip.jar"));
        TestPlugins.noSymbolicName(plugins.resolve("no-name.jar"));
        TestPlugins.missingImport(plugins.resolve("missing-import.jar"));
        TestPlugins.throwingActivator(plugins.resolve("broken-activate.jar"));
        TestPlugins.ds(plugins.resolve("broken-ds.jar"), "test.ds.bad", "dsbad", true);
        RecordingListener events = new RecordingListener();

        String console = captureConsole(() -> {
            try (VivariumHost host = new VivariumHost(HostOptions.forHome(home).withListener(events), TestHomes.stubRuntime())) {
                host.start();
                assertEquals(List.of("hello"), host.methods().stream().map(MethodInfo::name).toList());
                Map<String, PluginInfo> byFile = host.plugins().list().stream()
                        .collect(Collectors.toMap(PluginInfo::file, p -> p));
                assertTrue(byFile.get("good.jar").healthy());
                assertEquals("invalid", byFile.get("not-a-zip.jar").state());
                assertEquals("failed", byFile.get("broken-activate.jar").state());
                assertEquals("failed", byFile.get("broken-ds.jar").state());
            }
        });

        EXPECTED_REASONS.forEach((file, reason) -> {
            List<String> lines = events.failures(file);
            assertEquals(1, lines.size(), file + ": " + lines);
            String line = lines.get(0);
            assertTrue(line.startsWith("plugin " + file + ": " + reason), line);
            String name = file.substring(0, file.length() - 4);
            assertTrue(line.endsWith("fix the plugin or remove it with 'viv plugin uninstall " + name + "'"), line);
            assertFalse(line.contains("\n"), line);
        });
        assertEquals(EXPECTED_REASONS.size(), events.events().stream().filter(PluginEvent::isFailure).count());
        assertFalse(console.contains("\tat "), "Felix or SCR printed a stack trace:\n" + console);
        assertFalse(console.contains("ERROR"), "Felix or SCR printed an error log:\n" + console);
    }

    private static String captureConsole(Runnable action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
