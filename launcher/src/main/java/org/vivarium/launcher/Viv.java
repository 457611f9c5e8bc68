package org.vivarium.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.vivarium.launcher.cli.CliRunner;

/**
 * The {@code viv} command line. {@code bin/viv} runs {@link #main}; tests call {@link #run} in-process.
 *
 * <pre>{@code
 * int code = Viv.run(new String[] {"--home", home.toString(), "plugin", "list"},
 *         InputStream.nullInputStream(), System.out, System.err, Map.of());
 * }</pre>
 */
public final class Viv {

    private Viv() {
    }

    /**
     * Runs {@code viv} and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one {@code viv} invocation without exiting the JVM.
     *
     * @param args the command line
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @param env the environment (for {@code VIVARIUM_HOME})
     * @return the exit code: 0 success, 1 error, 2 usage error
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return new CliRunner(VivCommands.all(), VivCommands.methods(), VivCommands.runtime(), env).run(args, in, out, err);
    }
}
