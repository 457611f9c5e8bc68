package org.vivarium.launcher.data;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.PromptFile;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.cache.capture.ActivationCacher;
import org.vivarium.cache.capture.CachingOptions;
import org.vivarium.cache.capture.CachingResult;
import org.vivarium.cache.cli.CacheCommandLine;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.args.Limits;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.UsageException;
import org.vivarium.launcher.organism.CheckpointPaths;
import org.vivarium.report.progress.ProgressBar;

/**
 * {@code viv cache CKPT --prompts FILE --hooks HOOKS}, {@code viv cache ls}, {@code viv cache export},
 * {@code viv cache rm}: the MapDB activation store (default {@code runs/cache}).
 */
public final class CacheCommand implements CliCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.path("prompts", "FILE", "prompts, one a line"),
            CommandOption.text("hooks", "PATTERN", "hook names or patterns to cache, e.g. blocks.*.hook_resid_post"),
            CommandOption.integer("batch", "N", "prompts per forward pass", 1, Limits.MAX_BATCH),
            CommandOption.text("run", "ID", "run id (default: checkpoint name and time)"),
            CommandOption.path("store", "DIR", "cache directory (default runs/cache)"),
            CommandOption.text("hook", "NAME", "export: the hook"),
            CommandOption.text("format", "npy|csv", "export format"),
            CommandOption.path("out", "FILE", "export: output file"),
            CommandOption.flag("fp16", "store half-precision floats"));

    private static final String USAGE = "cache CKPT --prompts FILE --hooks HOOK[,GLOB...] [--batch N] [--fp16]"
            + " [--run ID] [--store DIR] | cache ls [--store DIR] | cache export RUN [--hook H]"
            + " --format npy|safetensors --out FILE [--store DIR] | cache rm RUN [--store DIR]";

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "cache activations by (run, hook, sequence, position) in the MapDB store; list, export, remove";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        if (args.isEmpty()) {
            throw new UsageException("cache needs a checkpoint or a subcommand", USAGE);
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        CommandInput f = CommandParser.parse(rest, OPTIONS, USAGE);
        Path store = f.path("store", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("runs", "cache")));
        switch (sub) {
            case "ls":
                try (MapDbActivationCache c = MapDbActivationCache.open(store)) {
                    new CacheCommandLine(c).ls(ctx.out());
                }
                return 0;
            case "export":
                try (MapDbActivationCache c = MapDbActivationCache.open(store)) {
                    Path out = ctx.workDir().resolve(f.get("out", "export." + f.get("format", "npy")));
                    new CacheCommandLine(c).export(f.positional(0, "run id"), f.get("hook", null),
                            f.get("format", "npy"), out, ctx.out());
                }
                return 0;
            case "rm":
                try (MapDbActivationCache c = MapDbActivationCache.open(store)) {
                    new CacheCommandLine(c).rm(f.positional(0, "run id"), ctx.out());
                }
                return 0;
            default:
                return capture(ctx.workDir().resolve(sub), f, store, ctx);
        }
    }

    private int capture(Path given, CommandInput f, Path store, CliContext ctx) {
        Path ckpt = CheckpointPaths.resolve(given);
        if (!f.has("prompts") || !f.has("hooks")) {
            throw new UsageException("cache CKPT needs --prompts FILE and --hooks HOOKS", USAGE);
        }
        int batch = f.getInt("batch", 16);
        List<String> prompts = PromptFile.read(ctx.workDir().resolve(f.get("prompts", "")));
        try (Model model = ctx.modelRuntime().load(ckpt);
                MapDbActivationCache cache = MapDbActivationCache.open(store)) {
            HookFilter hooks = HookFilter.parse(f.get("hooks", ""), model.config());
            String runId = f.get("run", given.getFileName() + "-" + System.currentTimeMillis() / 1000);
            CachingOptions opts = new CachingOptions(runId, f.has("fp16") ? CacheDtype.F16 : CacheDtype.F32,
                    given.getFileName().toString(), CheckpointIO.contentHash(ckpt));
            CachingResult r = new ActivationCacher(cache).cache(model, prompts, hooks, batch, opts,
                    total -> ProgressBar.builder("cache").total(total).unit("tok").out(ctx.err())
                            .interactive(System.console() != null).build());
            ctx.out().printf("cached run %s: %d prompts, %,d tokens in %.1f s (%,.0f tokens/s) into %s%n",
                    r.run().id(), prompts.size(), r.tokens(), r.seconds(), r.tokensPerSecond(), store);
            r.skipped().forEach((h, why) -> ctx.out().println("  skipped " + h + ": " + why));
            return 0;
        }
    }
}
