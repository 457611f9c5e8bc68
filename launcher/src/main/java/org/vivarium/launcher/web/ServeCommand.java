package org.vivarium.launcher.web;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;

/** {@code viv serve [--port 8077] [--host 127.0.0.1] [--index DIR] [--runs DIR]}: the web pages, until interrupted. */
public final class ServeCommand implements CliCommand {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String usage() {
        return ServeOptions.USAGE;
    }

    @Override
    public String summary() {
        return "serve runs, audits, leaderboards, search, feature pages, plugin pages and their JSON API on"
                + " http://127.0.0.1:8077/ (loopback)";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        ServeOptions options = ServeOptions.parse(args, ctx.workDir());
        options.warning().ifPresent(w -> {
            ctx.err().println(w);
            ctx.err().flush();
        });
        Thread hook = new Thread(ctx::close, "vivarium-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            WebServer server = WebServer.start(ctx.host(), options, ctx.home().resolve("bundles").resolve("web"),
                    ctx.workDir());
            ctx.out().println("serving " + server.url() + " (index " + options.index() + ", runs " + options.runs()
                    + "); Ctrl-C stops");
            ctx.out().flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                server.close();
            }
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook stops the host
            }
        }
    }
}
