package org.vivarium.launcher.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.vivarium.api.cache.PromptFile;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.index.LuceneContextIndex;
import org.vivarium.index.extract.UnitContextExtractor;
import org.vivarium.launcher.args.Flags;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.UsageException;
import org.vivarium.launcher.organism.CheckpointPaths;
import org.vivarium.report.progress.ProgressBar;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * {@code viv index units CKPT --prompts FILE --hook HOOK}: writes every unit's top-activating contexts
 * (MLP neurons as {@code neuron/L<layer>/<unit>}) into the context index so {@code viv search} finds them.
 */
public final class IndexCommand implements CliCommand {
    private static final String USAGE = "index units CKPT --prompts FILE --hook HOOK [--top K] [--min X]"
            + " [--index DIR] [--model NAME]";

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
        if (args.isEmpty() || !args.get(0).equals("units")) {
            throw new UsageException("index needs the subcommand units", USAGE);
        }
        Flags f = Flags.parse(args.subList(1, args.size()), Set.of("prompts", "hook", "top", "min", "index", "model"),
                Set.of(), USAGE);
        Path given = ctx.workDir().resolve(f.positional(0, "checkpoint directory"));
        if (!f.has("prompts") || !f.has("hook")) {
            throw new UsageException("index units needs --prompts FILE and --hook HOOK", USAGE);
        }
        List<String> prompts = PromptFile.read(ctx.workDir().resolve(f.string("prompts", "")));
        Path indexDir = ctx.workDir().resolve(f.path("index", Path.of("runs", "index")));
        try (DjlModelRuntime rt = new DjlModelRuntime(); Model model = rt.load(CheckpointPaths.resolve(given))) {
            HookName hook = HookName.parse(f.string("hook", ""), model.config());
            String modelName = f.string("model", given.getFileName().toString());
            List<ContextRecord> recs;
            long t0 = System.nanoTime();
            try (Progress bar = ProgressBar.builder("index " + hook).total(prompts.size()).unit("prompt")
                    .out(ctx.err()).interactive(System.console() != null).build()) {
                recs = new UnitContextExtractor(model, modelName, "units-" + hook.path(), f.intValue("top", 20),
                        f.floatValue("min", 0f)).extract(prompts, hook, bar);
            }
            try (LuceneContextIndex index = LuceneContextIndex.open(indexDir)) {
                index.add(recs);
                index.commit();
            }
            ctx.out().printf("indexed %,d contexts of %s from %d prompts in %.1f s into %s%n", recs.size(), hook,
                    prompts.size(), (System.nanoTime() - t0) / 1e9, indexDir);
            ctx.out().println("try: viv search \"feature:" + (recs.isEmpty() ? "neuron/L0/0" : recs.get(0).feature())
                    + "\" --top 5");
            return 0;
        }
    }
}
