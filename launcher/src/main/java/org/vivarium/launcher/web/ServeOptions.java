package org.vivarium.launcher.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vivarium.launcher.cli.UsageException;

/**
 * Parsed arguments of {@code viv serve [--port 8077] [--host 127.0.0.1] [--index DIR]}.
 *
 * @param port the TCP port, 0 for any free port
 * @param host the address to bind, loopback unless given explicitly
 * @param index the context index directory, opened read-only
 */
public record ServeOptions(int port, String host, Path index) {
    /** Default port. */
    public static final int DEFAULT_PORT = 8077;
    /** Default bind address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** One-line usage. */
    public static final String USAGE = "serve [--port 8077] [--host 127.0.0.1] [--index DIR]";

    /**
     * Parses the arguments after {@code serve}.
     *
     * @param args the arguments
     * @param workDir where a relative {@code --index} and the default {@code runs/index} resolve
     * @return the options
     * @throws UsageException on an unknown option or a bad value
     */
    public static ServeOptions parse(List<String> args, Path workDir) {
        int port = DEFAULT_PORT;
        String host = DEFAULT_HOST;
        Path index = workDir.resolve("runs").resolve("index");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--port" -> port = port(value(args, ++i, a));
                case "--host" -> host = value(args, ++i, a);
                case "--index" -> index = workDir.resolve(value(args, ++i, a));
                default -> throw new UsageException("unknown serve argument " + a, USAGE);
            }
        }
        if (host.isBlank()) {
            throw new UsageException("--host needs an address", USAGE);
        }
        return new ServeOptions(port, host, index);
    }

    /** @return whether the bind address is a loopback address (given literally or as {@code localhost}) */
    public boolean loopback() {
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** @return the warning printed when the pages are reachable from other machines */
    public Optional<String> warning() {
        if (loopback()) {
            return Optional.empty();
        }
        return Optional.of("warning: serving on " + host + ", not loopback: the pages have no login, so anyone who"
                + " can reach this address can read the index and the plugin list");
    }

    private static int port(String v) {
        try {
            int p = Integer.parseInt(v);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535, got " + v, USAGE);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value", USAGE);
        }
        return args.get(i);
    }
}
