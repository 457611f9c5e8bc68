package org.vivarium.launcher.support;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.vivarium.launcher.VivCommands;
import org.vivarium.launcher.cli.CliRunner;

/**
 * Runs {@code viv} in-process with captured streams and a timeout, as {@code bin/viv} would (same
 * commands, same dispatcher) but with the test runtime.
 *
 * @param code the exit code
 * @param out everything printed to stdout
 * @param err everything printed to stderr
 */
public record CliRun(int code, String out, String err) {

    /** The longest a single in-process {@code viv} run may take before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /**
     * @param args the command line
     * @return the result
     */
    public static CliRun viv(String... args) {
        return viv(InputStream.nullInputStream(), args);
    }

    /**
     * @param in standard input
     * @param args the command line
     * @return the result
     */
    public static CliRun viv(InputStream in, String... args) {
        return viv(TIMEOUT, in, args);
    }

    /**
     * Runs {@code viv} with a longer timeout, for commands that load a pretrained model.
     *
     * @param timeout the longest the run may take
     * @param args the command line
     * @return the result
     */
    public static CliRun slow(Duration timeout, String... args) {
        return viv(timeout, InputStream.nullInputStream(), args);
    }

    private static CliRun viv(Duration timeout, InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = assertTimeoutPreemptively(timeout, () -> runner().run(args, in, outStream,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code viv --home HOME ARGS...}.
     *
     * @param home the Vivarium home
     * @param args the command line after {@code --home HOME}
     * @return the result
     */
    public static CliRun inHome(java.nio.file.Path home, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return viv(all);
    }

    /**
     * Runs {@code viv} exactly as {@code bin/viv} does, through {@link org.vivarium.launcher.Viv#run} with the real
     * model runtime (and, given {@code --home}, the packaged plugins), for commands that run models.
     *
     * @param timeout the longest the run may take
     * @param args the command line
     * @return the result
     */
    public static CliRun real(Duration timeout, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(timeout, () -> org.vivarium.launcher.Viv.run(args,
                InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return a runner with the production commands and a test runtime */
    public static CliRunner runner() {
        return new CliRunner(VivCommands.all(), VivCommands.methods(), TestHomes.stubRuntime(), Map.of());
    }

    /** @return the non-empty lines printed to stderr */
    public List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
