package org.vivarium.launcher.commands;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.host.MethodInfo;
import org.vivarium.launcher.host.VivariumHost;

/**
 * {@code viv plugin watch}: the running-platform mode. Keeps the host up, watches the plugin directory
 * and prints one line per plugin event, until stdin reaches end-of-file (Ctrl-D) or the process is
 * interrupted (Ctrl-C, which stops the framework through a shutdown hook).
 */
final class PluginWatch {

    private PluginWatch() {
    }

    /**
     * @param ignoreStdin whether to run until killed instead of until stdin ends (for background use)
     * @param ctx the context
     * @return the exit code
     * @throws IOException if reading stdin fails
     */
    static int run(boolean ignoreStdin, CliContext ctx) throws IOException {
        ctx.onPluginEvents(event -> {
            ctx.out().println(event.line());
            ctx.out().flush();
        });
        Thread hook = new Thread(ctx::close, "vivarium-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            VivariumHost host = ctx.host();
            host.plugins().startWatching();
            List<String> methods = host.methods().stream().map(MethodInfo::name).toList();
            ctx.out().println("watching " + host.plugins().directory() + " (methods: "
                    + (methods.isEmpty() ? "none" : String.join(", ", methods)) + "); "
                    + (ignoreStdin ? "Ctrl-C stops" : "Ctrl-D or Ctrl-C stops"));
            ctx.out().flush();
            if (ignoreStdin) {
                awaitInterrupt();
            } else {
                drain(ctx.in());
            }
            ctx.out().println("stopped watching");
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook stops the host
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // input is ignored; only end-of-file matters
        }
    }

    private static void awaitInterrupt() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
