package org.vivarium.launcher.testplugins.activator;

import java.util.List;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;

/**
 * A method with an {@code echo} command, a {@code count} command using progress, a failing one, and {@code svd}
 * calling the host's linear-algebra service (ND4J, which the bundle never imports).
 */
public final class EchoMethod implements Method {

    private final String name;

    /**
     * @param name the method name
     */
    public EchoMethod(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "echoes its arguments (test plugin)";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of(new Echo(), new Count(), new Crash(), new SingularValues());
    }

    /** Prints its arguments and the runtime's description. */
    static final class Echo implements MethodCommand {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String usage() {
            return "WORDS...";
        }

        @Override
        public String summary() {
            return "prints its arguments";
        }

        @Override
        public int run(CommandInput input, MethodContext context) {
            List<String> args = input.positionals();
            context.out().println("echo: " + String.join(" ", args) + " via " + context.runtime().engineDescription());
            return 0;
        }
    }

    /** Counts to N with a progress display. */
    static final class Count implements MethodCommand {
        @Override
        public String name() {
            return "count";
        }

        @Override
        public String usage() {
            return "N";
        }

        @Override
        public String summary() {
            return "counts with progress";
        }

        @Override
        public int run(CommandInput input, MethodContext context) {
            List<String> args = input.positionals();
            int n = Integer.parseInt(args.get(0));
            try (Progress progress = context.progress("counting", n, "step")) {
                for (int i = 0; i < n; i++) {
                    progress.advance(1);
                    progress.metric("i", i);
                }
            }
            context.out().println("counted " + n);
            return 0;
        }
    }

    /** Always throws a non-Vivarium exception. */
    static final class Crash implements MethodCommand {
        @Override
        public String name() {
            return "crash";
        }

        @Override
        public String usage() {
            return "";
        }

        @Override
        public String summary() {
            return "throws";
        }

        @Override
        public int run(CommandInput input, MethodContext context) {
            List<String> args = input.positionals();
            throw new IllegalStateException("plugin crashed");
        }
    }

    /** Prints the singular values of {@code [[3, 0], [4, 5]]} (sqrt 45 and sqrt 5) from the host's service. */
    static final class SingularValues implements MethodCommand {
        @Override
        public String name() {
            return "svd";
        }

        @Override
        public String usage() {
            return "";
        }

        @Override
        public String summary() {
            return "singular values through the host's LinearAlgebra";
        }

        @Override
        public int run(CommandInput input, MethodContext context) {
            List<String> args = input.positionals();
            double[] s = context.linearAlgebra().svd(new double[][] {{3, 0}, {4, 5}}).s();
            context.out().printf(java.util.Locale.ROOT, "singular values %.6f %.6f%n", s[0], s[1]);
            return 0;
        }
    }
}
