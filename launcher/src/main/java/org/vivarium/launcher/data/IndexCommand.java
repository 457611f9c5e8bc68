package org.vivarium.launcher.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.PromptFile;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.index.LuceneContextIndex;
import org.vivarium.index.extract.UnitContextExtractor;
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
 * {@code viv index units CKPT --prompts FILE --hook HOOK}: writes every unit's top-activating contexts
 * (MLP neurons as {@code neuron/L<layer>/<unit>}) into the context index so {@code viv search} finds them, replacing
 * those an earlier run wrote for the same model and hook. {@code viv index delete QUERY}: removes the contexts a
 * query matches.
 */
public final class IndexCommand implements CliCommand {
    private static final CommandOption INDEX = CommandOption.path("index", "DIR", "the context index (default runs/index)");
    static final List<CommandOption> UNITS_OPTIONS = List.of(INDEX,
            CommandOption.path("prompts", "FILE", "prompts, one a line"),
            CommandOption.text("hook", "HOOK", "the hook whose units are indexed"),
            CommandOption.integer("top", "K", "contexts kept per unit", 1, Limits.MAX_COUNT),
            CommandOption.number("min", "X", "smallest activation kept", -Double.MAX_VALUE, Double.MAX_VALUE),
            CommandOption.text("model", "NAME", "model name stored with the contexts"));
    static final List<CommandOption> DELETE_OPTIONS = List.of(INDEX,
            CommandOption.flag("all", "allow a query that matches every context"));
    private static final String USAGE = "index units CKPT --prompts FILE --hook HOOK [--top K] [--min X]"
            + " [--index DIR] [--model NAME]\n       viv index delete QUERY [--index DIR] [--all]"
            + "   (e.g. \"feature:sae/L1/* AND run:lm-text\"; --all is needed for *)";

    @Override
    public String name() {
        return "index";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "index the top-activating contexts of every neuron/unit of a hook for full-text search";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        if (!args.isEmpty() && args.get(0).equals("delete")) {
            return delete(args.subList(1, args.size()), ctx);
        }
        if (args.isEmpty() || !args.get(0).equals("units")) {
            throw new UsageException("index needs the subcommand units or delete", USAGE);
        }
        CommandInput f = CommandParser.parse(args.subList(1, args.size()), UNITS_OPTIONS, USAGE);
        Path given = ctx.workDir().resolve(f.positional(0, "checkpoint directory"));
        if (!f.has("prompts") || !f.has("hook")) {
            throw new UsageException("index units needs --prompts FILE and --hook HOOK", USAGE);
        }
        int top = f.getInt("top", 20);
        float min = (float) f.getDouble("min", 0f);
        List<String> prompts = PromptFile.read(ctx.workDir().resolve(f.get("prompts", "")));
        Path indexDir = f.path("index", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("runs", "index")));
        try (Model model = ctx.modelRuntime().load(CheckpointPaths.resolve(given))) {
            HookName hook = HookName.parse(f.get("hook", ""), model.config());
            String modelName = f.get("model", given.getFileName().toString());
            List<ContextRecord> recs;
            long t0 = System.nanoTime();
            try (Progress bar = ProgressBar.builder("index " + hook).total(prompts.size()).unit("prompt")
                    .out(ctx.err()).interactive(System.console() != null).build()) {
                recs = new UnitContextExtractor(model, modelName, "units-" + hook.path(), top, min).extract(prompts, hook, bar);
            }
            long replaced;
            try (LuceneContextIndex index = LuceneContextIndex.open(indexDir)) {
                replaced = index.replace("run:units-" + hook.path() + " AND model:" + modelName, recs);
            }
            ctx.out().printf("indexed %,d contexts of %s from %d prompts in %.1f s into %s%s%n", recs.size(), hook,
                    prompts.size(), (System.nanoTime() - t0) / 1e9, indexDir,
                    replaced > 0 ? String.format(" (replacing %,d from an earlier run)", replaced) : "");
            ctx.out().println("try: viv search \"feature:" + (recs.isEmpty() ? "neuron/L0/0" : recs.get(0).feature())
                    + "\" --top 5");
            return 0;
        }
    }

    private static int delete(List<String> args, CliContext ctx) {
        CommandInput f = CommandParser.parse(args, DELETE_OPTIONS, USAGE);
        String query = f.positional(0, "query");
        if ((query.isBlank() || query.trim().equals("*")) && !f.has("all")) {
            throw new UsageException("\"" + query + "\" would delete every context in the index; pass --all if that"
                    + " is what you want", USAGE);
        }
        Path indexDir = f.path("index", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("runs", "index")));
        if (!Files.isDirectory(indexDir)) {
            throw new VivariumException("no context index at " + indexDir,
                    "pass --index DIR, or index contexts first (viv index units, viv probes fit, viv sae dashboards)");
        }
        try (LuceneContextIndex index = LuceneContextIndex.open(indexDir)) {
            long n = index.delete(query);
            index.commit();
            ctx.out().printf(Locale.ROOT, "deleted %,d contexts matching %s from %s (%,d left)%n", n, query,
                    indexDir, index.count("*"));
        }
        return 0;
    }
}
