package org.vivarium.launcher.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.framework.InvalidSyntaxException;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.args.Limits;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.UsageException;
import org.vivarium.launcher.organism.CheckpointPaths;
import org.vivarium.organisms.AuditData;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.OrganismCatalog;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.card.TruthCard;

/**
 * {@code viv audit ORGANISM [--out DIR] [--methods a,b]}: loads the trained organism, runs its own
 * truth-card check, then every installed auditor plugin (none sees the truth card), then the organism's
 * measuring scorer on every claim, and writes {@code DIR/audit/report.*}. Exits 1 when an auditor failed.
 *
 * <p>With {@code --blind [--seeds 1-5] [--steps N]} it is a benchmark instead ({@link BlindAudit}): per seed a
 * sealed organism, auditors that get no labelled prompts, an investigator, and a leaderboard over the seeds.
 */
public final class AuditCommand implements CliCommand {
    static final List<CommandOption> OPTIONS = List.of(Limits.OUT,
            CommandOption.text("methods", "A,B", "only these installed methods (default: all)"),
            CommandOption.text("seeds", "1-5", "with --blind: seeds, e.g. 1-5 or 1,3"),
            CommandOption.integer("steps", "N", "with --blind: training steps per organism", 1, Limits.MAX_STEPS),
            CommandOption.flag("blind", "sealed organisms over seeds; scored after the auditors finish"));

    static final String USAGE = "audit ORGANISM [--out DIR] [--methods NAME,NAME] | audit ORGANISM --blind"
            + " [--seeds 1-5|1,3,4] [--steps N] [--out DIR] [--methods NAME,NAME]";

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "run every installed method plugin against a trained organism (or, --blind, sealed organisms over"
                + " seeds); report scored against its truth card";
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws InvalidSyntaxException {
        CommandInput f = CommandParser.parse(args, OPTIONS, USAGE);
        Organism organism = OrganismCatalog.builtIn().find(f.positional(0, "organism name"));
        if (f.has("blind")) {
            return new BlindAudit(organism, f, ctx, "viv audit " + String.join(" ", args)).run();
        }
        if (f.has("seeds") || f.has("steps")) {
            throw new UsageException("--seeds and --steps go with --blind", USAGE);
        }
        return openBook(organism, f, ctx);
    }

    private static int openBook(Organism organism, CommandInput f, CliContext ctx) throws InvalidSyntaxException {
        Path runDir = f.path("out", ctx.workDir()).orElse(ctx.workDir().resolve(Path.of("runs", organism.name())));
        Path ckpt = CheckpointPaths.resolve(runDir);
        Path auditDir = runDir.resolve("audit");
        List<Auditor> auditors = InstalledAuditors.find(ctx.host().bundleContext(), f.get("methods", null), USAGE);
        ModelRuntime runtime = ctx.host().runtime();
        try (Model model = runtime.load(ckpt)) {
            AuditData data = organism.auditData(model).orElseThrow(() -> new VivariumException("organism "
                    + organism.name() + " has no audit data for plugins", "audit an organism with planted behaviour,"
                    + " e.g. 'viv audit backdoor'"));
            TruthCard card = organism.truthCard(model.provenance());
            AuditReport report = new AuditReport(organism.name(), false).unsealed(card);
            ctx.out().println("auditing " + organism.name() + " (" + ckpt + ") with " + auditors.size() + " method(s)");
            CheckResult check = organism.check(model, runDir, new OrganismContext(runtime, ctx.out(), false));
            report.organismCheck(check.findings());
            Map<String, String> roles = data.extras().comparisonCheckpoints();
            Map<String, Model> comparisons = ComparisonModels.load(runtime, runDir, roles);
            try {
                Map<String, Path> paths = ComparisonModels.paths(runDir, roles);
                AuditorRunner.runAll(auditors, a -> new HostAuditTarget(organism.name(), model, ckpt,
                        auditDir.resolve(a.name()), data, comparisons, paths), report, ctx, "");
                ClaimScoring.score(report, organism.scorer(card, model, comparisons), ctx, "");
            } finally {
                comparisons.values().forEach(Model::close);
            }
            Path md = report.write(auditDir);
            long found = report.score().values().stream().filter(b -> b).count();
            ctx.out().printf("truth-card score: %d of %d planted properties found by verified claims; %d false"
                    + " claim(s); report: %s (also .html, .json)%n", found, report.score().size(), report.falseClaims(),
                    md);
            return AuditorRunner.exitCode(List.copyOf(report.failures().keySet()), ctx);
        }
    }
}
