package org.vivarium.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.Viv;
import org.vivarium.launcher.support.CliRun;
import org.vivarium.launcher.support.TestHomes;
import org.vivarium.launcher.support.TestPlugins;

class VivCliTest {

    @TempDir
    Path dir;
    Path home;

    @BeforeEach
    void home() {
        home = TestHomes.withHello(dir);
    }

    private CliRun viv(String... args) {
        return CliRun.inHome(home, args);
    }

    @Test
    void unknownCommandIsOneErrorLineListingTheValidOnes() {
        CliRun run = viv("frobnicate");
        assertEquals(1, run.code());
        assertEquals(List.of("error: unknown command 'frobnicate' — valid commands: help, version, organism, audit, run, cache, index, search, serve, bench, import, plugin, completion; plugin methods: hello"),
                run.errLines());
    }

    @Test
    void typosGetADidYouMean() {
        CliRun command = viv("organsim", "list");
        assertEquals(1, command.code());
        assertTrue(command.errLines().get(0).startsWith("error: unknown command 'organsim' — did you mean organism? — valid"),
                command.err());
        CliRun method = viv("helo", "echo");
        assertTrue(method.errLines().get(0).startsWith("error: unknown command 'helo' — did you mean hello or help? —"), method.err());
        CliRun methodCommand = viv("hello", "ecoh", "x");
        assertEquals(List.of("error: method 'hello' has no command 'ecoh' — did you mean echo? — valid commands: echo, count,"
                + " crash, svd"), methodCommand.errLines());
        CliRun option = viv("organism", "train", "induction", "--step", "5");
        assertEquals(2, option.code());
        assertEquals(1, option.errLines().size(), option.err());
        assertTrue(option.errLines().get(0).startsWith("error: unknown option --step — did you mean --steps? — usage: viv organism"),
                option.err());
        CliRun sub = viv("organism", "trian", "induction");
        assertEquals(2, sub.code());
        assertTrue(sub.errLines().get(0).startsWith("error: unknown organism subcommand \"trian\" — did you mean train? —"),
                sub.err());
        CliRun replace = viv("plugin", "install", "x.jar", "--replce");
        assertEquals(2, replace.code());
        assertTrue(replace.errLines().get(0).startsWith("error: unknown option --replce — did you mean --replace? —"),
                replace.err());
        CliRun global = viv("--hme", "x", "list");
        assertEquals(2, global.code());
        assertTrue(global.errLines().get(0).startsWith("error: unknown option --hme — did you mean --home? — usage: viv"),
                global.err());
    }

    @Test
    void productionMainReturnsOneForAnUnknownCommandWithoutAHome() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(CliRun.TIMEOUT, () -> Viv.run(new String[] {"frobnicate"},
                InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()));
        assertEquals(1, code);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("error: no Vivarium home directory is set"), lines.get(0));
    }

    @Test
    void installingAMissingFileIsOneErrorLine() {
        CliRun run = viv("plugin", "install", dir.resolve("missing.jar").toString());
        assertEquals(1, run.code());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).startsWith("error: plugin file " + dir.resolve("missing.jar") + " does not exist"));
    }

    @Test
    void wrongArgumentsAreUsageErrorsWithExitCodeTwo() {
        CliRun run = viv("plugin", "install");
        assertEquals(2, run.code());
        assertEquals(List.of("error: install takes exactly one argument, got 0 — usage: viv plugin install FILE [--replace]"), run.errLines());
        assertEquals(2, CliRun.viv("--bogus").code());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun run = CliRun.viv("--version");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("vivarium 0.1.0-SNAPSHOT (Java "), run.out());
    }

    @Test
    void helpListsBuiltInAndPluginCommands() {
        CliRun run = viv("help");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("  plugin "), run.out());
        assertTrue(run.out().contains("hello echo WORDS..."), run.out());
        assertTrue(run.out().contains("prints its arguments"), run.out());
        CliRun method = viv("help", "hello");
        assertTrue(method.out().contains("viv hello count N"), method.out());
    }

    @Test
    void methodCommandsRunWithTheHostContext() {
        CliRun run = viv("hello", "echo", "a", "b");
        assertEquals(0, run.code(), run.err());
        assertEquals("echo: a b via test engine", run.out().strip());
        CliRun count = viv("hello", "count", "5");
        assertEquals("counted 5", count.out().strip());
        assertTrue(count.err().contains("counting") && count.err().contains("5/5 step"), count.err());
    }

    @Test
    void aPluginBundleGetsTheHostsNd4jLinearAlgebra() {
        CliRun run = viv("hello", "svd");
        assertEquals(0, run.code(), run.err());
        assertEquals("singular values 6.708204 2.236068", run.out().strip());
    }

    @Test
    void pluginExceptionsAreOneLineUnlessDebugging() {
        CliRun run = viv("hello", "crash");
        assertEquals(1, run.code());
        assertEquals(List.of("error: IllegalStateException: plugin crashed — run with --debug for the stack trace"), run.errLines());
        CliRun debug = viv("hello", "crash", "--debug");
        assertEquals(1, debug.code());
        assertTrue(debug.err().contains("\tat org.vivarium.launcher.testplugins"), debug.err());
        assertTrue(debug.errLines().get(debug.errLines().size() - 1).equals("error: IllegalStateException: plugin crashed"));
    }

    @Test
    void unknownMethodCommandListsTheMethodsCommands() {
        CliRun run = viv("hello", "nope");
        assertEquals(1, run.code());
        assertEquals(List.of("error: method 'hello' has no command 'nope' — valid commands: echo, count, crash, svd"), run.errLines());
    }

    @Test
    void brokenPluginsAreOneLineEachOnStderrAndListedWithTheirError() {
        TestPlugins.throwingActivator(home.resolve("plugins/broken-activate.jar"));
        TestPlugins.notAZip(home.resolve("plugins/junk.jar"));
        CliRun run = viv("hello", "echo", "x");
        assertEquals(0, run.code());
        assertEquals(2, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).startsWith("error: plugin broken-activate.jar: failed to start: activator threw IllegalStateException: boom — "));
        assertTrue(run.errLines().get(1).startsWith("error: plugin junk.jar: is not a jar (zip) file — "));
        CliRun later = viv("hello", "echo", "y");
        assertEquals(0, later.code());
        assertEquals("", later.err(), "a reported problem is not repeated by every later command");

        CliRun list = viv("plugin", "list");
        assertEquals(0, list.code());
        assertEquals("", list.err());
        assertTrue(list.out().contains("broken-activate"), list.out());
        assertTrue(list.out().contains("last error: failed to start: activator threw IllegalStateException: boom"), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.contains(" good ") && l.contains("active") && l.endsWith("hello")), list.out());
    }

    @Test
    void aMissingActivatorClassIsReportedOnceWithHowToRemoveIt() throws Exception {
        TestPlugins.missingActivator(home.resolve("plugins/missing.jar"));
        CliRun first = viv("hello", "echo", "x");
        assertEquals(0, first.code());
        assertEquals(List.of("error: plugin missing.jar: failed to start: its activator class test.missing.NoSuchActivator"
                + " (Bundle-Activator) is not in the jar — fix the plugin or remove it with 'viv plugin uninstall missing'"),
                first.errLines());
        for (int i = 0; i < 2; i++) {
            CliRun later = viv("hello", "echo", "x");
            assertEquals("", later.err(), "run " + i + " repeated the problem");
        }
        assertTrue(viv("plugin", "list").out().contains("its activator class test.missing.NoSuchActivator"));
        Files.createDirectories(dir.resolve("again"));
        Files.copy(home.resolve("plugins/missing.jar"), dir.resolve("again/missing.jar"));
        CliRun reinstall = viv("plugin", "install", dir.resolve("again/missing.jar").toString());
        assertEquals(1, reinstall.code());
        assertTrue(reinstall.errLines().get(0).startsWith("error: plugin missing.jar: failed to start"), reinstall.err());
        assertEquals(0, viv("plugin", "uninstall", "missing").code());
        assertFalse(Files.exists(home.resolve("plugins/missing.jar")));
    }

    @Test
    void stopAndStartThroughTheCliPersist() {
        assertEquals(0, viv("plugin", "stop", "good").code());
        assertTrue(viv("plugin", "list").out().lines().anyMatch(l -> l.contains(" good ") && l.contains("stopped")));
        assertEquals(1, viv("hello", "echo").code());
        CliRun start = viv("plugin", "start", "good");
        assertEquals(0, start.code(), start.err());
        assertTrue(start.out().startsWith("good (test.good 1.0.0): started; methods: hello"), start.out());
        assertEquals(0, viv("hello", "echo").code());
    }

    @Test
    void installAndUninstallThroughTheCli() {
        Path jar = TestPlugins.activator(dir.resolve("new/extra.jar"), "test.extra", "extra");
        CliRun install = viv("plugin", "install", jar.toString());
        assertEquals(0, install.code(), install.err());
        assertTrue(install.out().startsWith("extra (test.extra 1.0.0): installed; methods: extra"), install.out());
        assertEquals(0, viv("extra", "echo").code());
        assertEquals(0, viv("plugin", "uninstall", "extra").code());
        assertFalse(Files.exists(home.resolve("plugins/extra.jar")));
        assertEquals(1, viv("extra", "echo").code());
        Path broken = TestPlugins.throwingActivator(dir.resolve("new/bad.jar"));
        CliRun bad = viv("plugin", "install", broken.toString());
        assertEquals(1, bad.code());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.errLines().get(0).startsWith("error: plugin bad.jar: failed to start"), bad.err());
    }
}
