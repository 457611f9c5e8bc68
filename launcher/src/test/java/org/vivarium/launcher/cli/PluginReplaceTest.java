package org.vivarium.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.support.CliRun;
import org.vivarium.launcher.support.TestHomes;
import org.vivarium.launcher.support.TestPlugins;

/** A jar that clashes with an installed plugin is refused, or with --replace replaces it and keeps a backup. */
class PluginReplaceTest {

    @TempDir
    Path dir;
    Path home;
    byte[] shipped;

    @BeforeEach
    void home() throws IOException {
        home = TestHomes.create(dir.resolve("home"));
        shipped = Files.readAllBytes(TestPlugins.activator(home.resolve("plugins/probes.jar"), "test.probes", "hello"));
    }

    private CliRun viv(String... args) {
        return CliRun.inHome(home, args);
    }

    @Test
    void aJarNamedLikeAnInstalledPluginIsRefusedAndNothingChanges() throws IOException {
        Path mine = TestPlugins.activator(dir.resolve("mine/probes.jar"), "test.mine", "mine");
        CliRun run = viv("plugin", "install", mine.toString());
        assertEquals(1, run.code());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).startsWith("error: a plugin named probes is already installed (probes.jar, bundle"
                + " test.probes "), run.err());
        assertTrue(run.errLines().get(0).contains("pass --replace to replace it"), run.err());
        assertArrayEquals(shipped, Files.readAllBytes(home.resolve("plugins/probes.jar")));
        assertEquals(0, viv("hello", "echo", "x").code(), "the installed plugin still works");
    }

    @Test
    void aJarWithAnInstalledSymbolicNameIsRefusedUnlessReplacing() throws IOException {
        Path mine = TestPlugins.activator(dir.resolve("mine/other.jar"), "test.probes", "mine");
        CliRun run = viv("plugin", "install", mine.toString());
        assertEquals(1, run.code());
        assertTrue(run.errLines().get(0).startsWith("error: plugin probes.jar already provides bundle test.probes"), run.err());
        CliRun replaced = viv("plugin", "install", mine.toString(), "--replace");
        assertEquals(0, replaced.code(), replaced.err());
        assertTrue(Files.notExists(home.resolve("plugins/probes.jar")));
        assertArrayEquals(shipped, Files.readAllBytes(backups().get(0)));
    }

    @Test
    void replaceKeepsABackupAndSaysWhere() throws IOException {
        Path mine = TestPlugins.activator(dir.resolve("mine/probes.jar"), "test.mine", "mine");
        CliRun run = viv("plugin", "install", "--replace", mine.toString());
        assertEquals(0, run.code(), run.err());
        List<Path> backups = backups();
        assertEquals(1, backups.size());
        assertTrue(run.out().contains("kept the replaced jar as " + backups.get(0)), run.out());
        assertArrayEquals(shipped, Files.readAllBytes(backups.get(0)));
        assertArrayEquals(Files.readAllBytes(mine), Files.readAllBytes(home.resolve("plugins/probes.jar")));
        assertEquals(0, viv("mine", "echo", "x").code());
        CliRun again = viv("plugin", "install", mine.toString());
        assertEquals(0, again.code(), "reinstalling the same jar is no clash: " + again.err());
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("plugins/.replaced"))) {
            return files.toList();
        }
    }
}
