package org.vivarium.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.support.Await;
import org.vivarium.launcher.support.CliRun;
import org.vivarium.launcher.support.TestHomes;
import org.vivarium.launcher.support.TestPlugins;

class PluginWatchCliTest {

    @TempDir
    Path dir;

    @Test
    void watchPrintsOneLinePerPluginEventAndEndsAtEndOfInput() throws IOException {
        Path home = TestHomes.create(dir.resolve("home"));
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> CliRun.runner().run(
                new String[] {"--home", home.toString(), "plugin", "watch"}, stdin, outStream, outStream));
        Duration wait = Duration.ofSeconds(10);
        assertTrue(Await.until(() -> text(out).contains("watching "), wait), text(out));

        TestPlugins.activator(home.resolve("plugins/late.jar"), "test.late", "late");
        assertTrue(Await.until(() -> text(out).contains("plugin late.jar: installed and started (methods: late)"), wait), text(out));
        TestPlugins.throwingActivator(home.resolve("plugins/broken-activate.jar"));
        assertTrue(Await.until(() -> text(out).contains("plugin broken-activate.jar: failed to start"), wait), text(out));
        Files.delete(home.resolve("plugins/late.jar"));
        assertTrue(Await.until(() -> text(out).contains("plugin late.jar: removed from plugins/, uninstalled"), wait), text(out));

        keyboard.close(); // Ctrl-D
        int code = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> watch.join());
        assertEquals(0, code);
        assertTrue(text(out).strip().endsWith("stopped watching"), text(out));
        assertEquals(1, text(out).lines().filter(l -> l.startsWith("plugin broken-activate.jar:")).count(), text(out));
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
