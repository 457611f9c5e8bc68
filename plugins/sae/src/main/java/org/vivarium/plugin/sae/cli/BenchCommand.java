package org.vivarium.plugin.sae.cli;

import java.util.List;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.sae.bench.SaeBenchmark;
import org.vivarium.plugin.sae.math.SaeKind;

/** {@code viv sae bench}: SAE training tokens/s and its fraction of the sgemm limit measured in the same run. */
public final class BenchCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.text("kind", "relu|topk", "SAE kind (default topk)"),
            CommandOption.integer("d-in", "N", "input width (default 128)", 1, 1 << 16),
            CommandOption.integer("latents", "N", "dictionary size (default 1024)", 1, 1 << 20),
            CommandOption.integer("k", "K", "active latents (default 32)", 1, 1 << 20),
            CommandOption.integer("batch", "N", "batch size (default 256)", 1, 1 << 16),
            CommandOption.integer("steps", "N", "timed steps (default 1000)", 1, 1_000_000_000),
            CommandOption.integer("threads", "N",
                    "Java worker threads (default 2, or 1 when the native BLAS threads fill the cores)", 1, 256));

    private static final String USAGE = "viv sae bench [--kind topk|relu] [--d-in 128] [--latents 1024] [--k 32]"
            + " [--batch 256] [--steps 1000] [--threads 2]";

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return USAGE.substring("viv sae bench ".length());
    }

    @Override
    public String summary() {
        return "SAE training throughput (tokens/s) against the sgemm limit measured in the same run";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        a.noPositionals();
        SaeKind kind = SaeKind.parse(a.get("kind", "topk"));
        int dIn = a.getInt("d-in", 128);
        int latents = a.getInt("latents", 1024);
        int batch = a.getInt("batch", 256);
        long steps = a.getLong("steps", 1000);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = a.getInt("threads", WorkerThreads.byDefault(ctx.linearAlgebra().threads(), cores));
        WorkerThreads.note(threads, ctx.linearAlgebra().threads(), cores).ifPresent(ctx.out()::println);
        SaeBenchmark.Result r;
        try (Progress p = ctx.progress("sae bench", -1, "tok")) {
            r = SaeBenchmark.run(kind, dIn, latents, a.getInt("k", 32), batch, steps, threads,
                    ctx.linearAlgebra(), p);
        }
        ctx.out().print(r.markdown());
        return 0;
    }
}
