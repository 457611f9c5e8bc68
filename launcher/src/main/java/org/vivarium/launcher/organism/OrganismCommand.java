package org.vivarium.launcher.organism;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.args.Limits;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.CommandHelp;
import org.vivarium.cli.Suggestions;
import org.vivarium.launcher.cli.UsageException;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.OrganismCatalog;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.card.CardSeal;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;

/** {@code viv organism list | train NAME | check NAME | card NAME}. */
public final class OrganismCommand implements CliCommand {
    static final List<CommandOption> OPTIONS = List.of(Limits.SEED, Limits.STEPS,
            CommandOption.path("out", "DIR", "run directory (text: the output file)"),
            CommandOption.path("corpus", "FILE", "a text corpus for organisms that read one"),
            CommandOption.path("base", "CKPT", "em: an existing checkpoint (e.g. from 'viv import hf') as the base"),
            CommandOption.text("option", "KEY=VALUE[,...]", "recipe options"),
            CommandOption.integer("count", "N", "texts to write", 1, Limits.MAX_COUNT),
            CommandOption.flag("resume", "continue from the last checkpoint"),
            CommandOption.flag("no-check", "skip the check after training"),
            CommandOption.flag("reveal", "print the sealed truth card"));

    private static final String USAGE = "organism list | organism train NAME [--seed N] [--steps N] [--out DIR]"
            + " [--resume] [--corpus FILE] [--base CKPT] [--option KEY=VALUE[,KEY=VALUE...]] [--no-check] | organism text NAME --out FILE"
            + " [--count 3000] [--seed N] | organism check NAME [--out DIR]"
            + " | organism card NAME [--out RUN] [--reveal]";

    private final OrganismCatalog catalog = OrganismCatalog.builtIn();

    @Override
    public String name() {
        return "organism";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "raise model organisms with planted behaviours and check them against their truth cards";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        if (args.isEmpty()) {
            throw new UsageException("organism needs a subcommand", USAGE);
        }
        CommandInput f = CommandParser.parse(args.subList(1, args.size()), OPTIONS, USAGE);
        switch (args.get(0)) {
            case "list":
                list(ctx);
                return 0;
            case "card":
                card(catalog.find(f.positional(0, "organism name")), f, ctx);
                return 0;
            case "train":
                return train(catalog.find(f.positional(0, "organism name")), f, ctx);
            case "text":
                return text(catalog.find(f.positional(0, "organism name")), f, ctx);
            case "check":
                return check(catalog.find(f.positional(0, "organism name")), f, ctx);
            default:
                throw new UsageException("unknown organism subcommand \"" + args.get(0) + "\""
                        + Suggestions.hint(args.get(0), CommandHelp.subcommands(this)), USAGE);
        }
    }

    private void list(CliContext ctx) {
        ctx.out().printf("%-14s %-8s %s%n", "NAME", "STEPS", "WHAT IS PLANTED");
        for (Organism o : catalog.organisms()) {
            ctx.out().printf("%-14s %-8d %s%n", o.name(), o.defaultSteps(), o.summary());
        }
    }

    private static int text(Organism o, CommandInput f, CliContext ctx) {
        if (!f.has("out")) {
            throw new UsageException("organism text needs --out FILE", USAGE);
        }
        Path out = f.path("out", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("text.txt")));
        int n = OrganismText.write(o, f.getInt("count", 3000),
                f.getLong("seed", 1), out);
        ctx.out().printf("wrote %d %s texts to %s (one per line, \\n = line break; use it with viv cache --prompts)%n",
                n, o.name(), out);
        return 0;
    }

    /**
     * Prints the recipe-level card, or with {@code --out RUN} the card of that trained run; a sealed card only
     * with {@code --reveal}.
     */
    private static void card(Organism o, CommandInput f, CliContext ctx) {
        TruthCard c = o.truthCard();
        if (f.has("out")) {
            Path run = f.path("out", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("runs", o.name())));
            if (!CardSeal.isSealed(run)) {
                c = RunCards.derive(o, run);
            } else if (f.has("reveal")) {
                c = RunCards.unseal(run, ctx.env());
            } else {
                throw new VivariumException("the truth card of " + run + " is sealed (a blind audit is in progress)",
                        "add --reveal to show it");
            }
        }
        ctx.out().println("truth card: " + c.organism());
        ctx.out().println(c.summary());
        for (Planted p : c.planted()) {
            ctx.out().println("- " + p.id() + " (" + p.kind().id() + ") at " + p.location() + ": " + p.description() + " " + p.expected());
        }
    }

    private int train(Organism o, CommandInput f, CliContext ctx) {
        Path out = f.path("out", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("runs", o.name())));
        Map<String, String> options = new HashMap<>();
        if (f.has("option")) {
            for (String kv : f.get("option", "").split(",")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--option needs KEY=VALUE pairs separated by commas, got \"" + kv
                            + "\"", USAGE);
                }
                options.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
        }
        if (f.has("corpus")) {
            options.put("corpus", ctx.workDir().resolve(f.get("corpus", "")).toString());
        }
        if (f.has("base")) {
            // em: an existing checkpoint (e.g. from 'viv import hf') as the base instead of training one
            options.put("base", ctx.workDir().resolve(f.get("base", "")).toString());
        }
        TrainRequest req = new TrainRequest(f.getLong("seed", 1),
                f.getInt("steps", 0), out, f.has("resume"), options);
        ModelRuntime runtime = ctx.modelRuntime();
        OrganismContext oc = new OrganismContext(runtime, ctx.out(), System.console() != null);
        TrainOutcome t = o.train(req, oc);
        Path sealed = RunCards.seal(o, out, ctx.env());
        ctx.out().printf("trained %s: %d steps in %.1f s (%,.0f tokens/s), final loss %.4f%n", o.name(),
                t.steps(), t.seconds(), t.tokensPerSecond(), t.finalLoss());
        ctx.out().println("checkpoint: " + t.checkpoint());
        ctx.out().println("loss curve: " + out.resolve("loss.png") + " (data in loss.csv)");
        ctx.out().println("truth card: sealed into " + sealed + " (show it with 'viv organism card " + o.name()
                + " --out " + out + " --reveal')");
        if (f.has("no-check")) {
            return 0;
        }
        return runCheck(o, out, runtime, oc, ctx);
    }

    private int check(Organism o, CommandInput f, CliContext ctx) {
        Path out = f.path("out", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("runs", o.name())));
        ModelRuntime runtime = ctx.modelRuntime();
        return runCheck(o, out, runtime, new OrganismContext(runtime, ctx.out(), System.console() != null), ctx);
    }

    private static int runCheck(Organism o, Path runDir, ModelRuntime runtime, OrganismContext oc, CliContext ctx) {
        // organisms that are not transformers (superposition) check their own run directory
        java.util.Optional<CheckResult> own = o.checkRun(runDir, oc);
        if (own.isPresent()) {
            return report(o, own.get(), ctx);
        }
        try (Model model = runtime.load(CheckpointPaths.resolve(runDir))) {
            return report(o, o.check(model, runDir, oc), ctx);
        }
    }

    private static int report(Organism o, CheckResult r, CliContext ctx) {
        ctx.out().println();
        ctx.out().println("check against the truth card of " + o.name() + ": " + (r.passed() ? "PASS" : "FAIL"));
        r.findings().forEach(line -> ctx.out().println("  " + line));
        ctx.out().println("report: " + r.report() + " (also report.html, report.json)");
        return r.passed() ? 0 : 3;
    }
}
