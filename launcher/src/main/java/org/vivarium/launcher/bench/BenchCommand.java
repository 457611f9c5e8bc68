package org.vivarium.launcher.bench;

import java.util.List;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.args.Limits;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.CommandHelp;
import org.vivarium.cli.Suggestions;
import org.vivarium.launcher.cli.UsageException;

/**
 * {@code viv bench train|forward|cache|index|web-search}: the figures quoted in docs/PERFORMANCE.md; {@code bench
 * forward --model minilm} compares the imported MiniLM encoder with ONNX Runtime ({@link MiniLmBenchmark}).
 */
public final class BenchCommand implements CliCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.integer("steps", "N", "steps per configuration", 1, Limits.MAX_STEPS),
            CommandOption.text("config", "NAME", "one configuration (default: induction, lm, medium)"));

    private static final String USAGE = "bench train|forward [--config induction|lm|medium] [--steps N]"
            + " | bench cache [--mb N] [--dir DIR] | bench index [--contexts N] [--queries N]"
            + " | bench web-search [--contexts N] [--queries N] [--dir DIR]"
            + " | " + MiniLmBenchOptions.USAGE;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "benchmarks: training/forward tokens/s, cache MB/s, index contexts/s and query latency, HTTP search"
                + " latency";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        if (args.isEmpty()) {
            throw new UsageException("bench needs a subcommand", USAGE);
        }
        if (args.get(0).equals("cache")) {
            org.vivarium.cache.bench.CacheBenchmark.run(org.vivarium.cache.bench.BenchOptions.parse(
                    args.subList(1, args.size()).toArray(new String[0])), ctx.out());
            return 0;
        }
        if (args.get(0).equals("index")) {
            org.vivarium.index.bench.IndexBenchmark.run(org.vivarium.index.bench.BenchmarkOptions.parse(
                    args.subList(1, args.size())), ctx.out());
            return 0;
        }
        if (args.get(0).equals("web-search")) {
            new WebSearchBenchmark(WebSearchOptions.parse(args.subList(1, args.size()), ctx.workDir()), ctx).run();
            return 0;
        }
        if (args.get(0).equals("forward") && MiniLmBenchOptions.requested(args.subList(1, args.size()))) {
            MiniLmBenchmark.run(MiniLmBenchOptions.parse(args.subList(1, args.size())), ctx.out());
            return 0;
        }
        CommandInput f = CommandParser.parse(args.subList(1, args.size()), OPTIONS, USAGE);
        int steps = f.getInt("steps", 50);
        List<String> configs = f.has("config") ? List.of(f.get("config", "")) : List.of("induction", "lm", "medium");
        switch (args.get(0)) {
            case "train":
                for (String c : configs) {
                    ModelBenchmark.train(ModelBenchmark.setting(c), steps, ctx.out());
                }
                return 0;
            case "forward":
                for (String c : configs) {
                    ModelBenchmark.forward(ModelBenchmark.setting(c), steps, ctx.out());
                }
                return 0;
            default:
                throw new UsageException("unknown bench \"" + args.get(0) + "\""
                        + Suggestions.hint(args.get(0), CommandHelp.subcommands(this)), USAGE);
        }
    }
}
