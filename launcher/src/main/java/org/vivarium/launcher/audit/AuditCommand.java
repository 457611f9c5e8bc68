package org.vivarium.launcher.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.audit.Claim;
import org.vivarium.launcher.cli.ExitCodes;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.organisms.score.ClaimScorer;
import org.vivarium.organisms.score.ClaimVerdict;
import org.vivarium.api.model.Model;
import org.vivarium.launcher.args.Flags;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.UsageException;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.method.HostMethodContext;
import org.vivarium.launcher.method.ReportProgress;
import org.vivarium.launcher.organism.CheckpointPaths;
import org.vivarium.organisms.AuditData;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.OrganismCatalog;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * {@code viv audit ORGANISM [--out DIR] [--methods a,b]}: loads the trained organism, runs its own
 * truth-card check, then every installed auditor plugin (none sees the truth card), then the organism's
 * measuring scorer on every claim, and writes {@code DIR/audit/report.*}. Exits 1 when an auditor failed.
 */
public final class AuditCommand implements CliCommand {
    private static final String USAGE = "audit ORGANISM [--out DIR] [--methods NAME,NAME]";

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
        return "run every installed method plugin against a trained organism; report scored against its truth card";
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws InvalidSyntaxException {
        Flags f = Flags.parse(args, Set.of("out", "methods"), Set.of(), USAGE);
        Organism organism = OrganismCatalog.builtIn().find(f.positional(0, "organism name"));
        Path runDir = ctx.workDir().resolve(f.path("out", Path.of("runs", organism.name())));
        Path ckpt = CheckpointPaths.resolve(runDir);
        Path auditDir = runDir.resolve("audit");
        VivariumHost host = ctx.host();
        List<Auditor> auditors = auditors(host.bundleContext(), f.string("methods", null));
        if (auditors.isEmpty()) {
            throw new VivariumException("no auditor plugins are installed and started",
                    "install one, e.g. 'viv plugin install plugins/steering/target/vivarium-plugin-steering-*.jar',"
                            + " and check 'viv plugin list'");
        }
        DjlModelRuntime runtime = (DjlModelRuntime) host.runtime();
        try (Model model = runtime.load(ckpt)) {
            AuditData data = organism.auditData(model).orElseThrow(() -> new VivariumException("organism "
                    + organism.name() + " has no audit data for plugins", "audit an organism with planted behaviour,"
                    + " e.g. 'viv audit backdoor'"));
            TruthCard card = organism.truthCard(model.provenance());
            AuditReport report = new AuditReport(organism.name(), card);
            ctx.out().println("auditing " + organism.name() + " (" + ckpt + ") with " + auditors.size() + " method(s)");
            CheckResult check = organism.check(model, runDir, new OrganismContext(runtime, ctx.out(), false));
            report.organismCheck(check.findings());
            Map<String, Model> comparisons = ComparisonModels.load(runtime, runDir, data.extras());
            try {
                auditAll(auditors, organism, model, ckpt, auditDir, data, comparisons,
                        ComparisonModels.paths(runDir, data.extras()), report, ctx);
                score(report, organism.scorer(card, model, comparisons), ctx);
            } finally {
                comparisons.values().forEach(Model::close);
            }
            Path md = report.write(auditDir);
            long found = report.score().values().stream().filter(b -> b).count();
            ctx.out().printf("truth-card score: %d of %d planted properties found by verified claims; %d false"
                    + " claim(s); report: %s (also .html, .json)%n", found, report.score().size(), report.falseClaims(),
                    md);
            if (!report.failures().isEmpty()) {
                ctx.err().println("error: " + report.failures().size() + " auditor(s) failed: "
                        + String.join(", ", report.failures().keySet()) + "; the report lists the errors (rerun with"
                        + " --methods NAME and --debug to see one)");
                return ExitCodes.ERROR;
            }
            return ExitCodes.OK;
        }
    }

    private static void auditAll(List<Auditor> auditors, Organism organism, Model model, Path ckpt, Path auditDir,
            AuditData data, Map<String, Model> comparisons, Map<String, Path> comparisonPaths, AuditReport report,
            CliContext ctx) {
        VivariumHost host = ctx.host();
        for (Auditor a : auditors) {
            HostAuditTarget target = new HostAuditTarget(organism.name(), model, ckpt, auditDir.resolve(a.name()), data,
                    comparisons, comparisonPaths);
            HostMethodContext mctx = new HostMethodContext(host::runtime, host::fineTuner, ctx.out(),
                    ctx.workDir(), ReportProgress.factory(ctx.err()));
            try {
                java.nio.file.Files.createDirectories(target.outDir());
                AuditSection s = a.audit(target, mctx);
                if (!a.name().equals(s.method())) {
                    throw new VivariumException("auditor " + a.name() + " returned a section of method " + s.method(),
                            "return new AuditSection(name(), ...)");
                }
                report.add(s);
                s.claims().forEach(x -> ctx.out().printf("  [%s] %s %s: %s — %s%n", a.name(),
                        x.supported() ? "SUPPORTED" : "NOT SUPPORTED", x.kind().id(), x.statement(), x.evidence()));
            } catch (Exception | LinkageError e) {
                String msg = e instanceof VivariumException ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
                report.failed(a.name(), msg);
                ctx.err().println("error: auditor " + a.name() + " failed: " + msg);
            }
        }
    }

    /** Unseals the card for the scorer only now, after every auditor has finished, and verifies every claim. */
    private static void score(AuditReport report, ClaimScorer scorer, CliContext ctx) {
        List<String> methods = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (AuditSection s : report.sections()) {
            for (Claim c : s.claims()) {
                methods.add(s.method());
                claims.add(c);
            }
        }
        long submitted = claims.stream().filter(Claim::supported).count();
        ctx.out().printf("scoring: %d claim(s), %d supported by their auditor, verified by the scorer's own"
                + " measurement%n", claims.size(), submitted);
        int i = 0;
        for (int k = 0; k < claims.size(); k++) {
            Claim c = claims.get(k);
            String method = methods.get(k);
            if (c.supported()) {
                ctx.err().printf("scoring claim %d/%d [%s %s]...%n", ++i, submitted, method, c.kind().id());
            }
            ClaimVerdict v = scorer.verify(method, c);
            report.verdict(v);
            if (c.supported()) {
                ctx.out().printf("  [%s] %s %s: %s — %s%n", method, v.label(),
                        c.kind().id(), c.statement(), v.measured());
            }
        }
    }

    private static List<Auditor> auditors(BundleContext bc, String only) throws InvalidSyntaxException {
        List<Auditor> out = new ArrayList<>();
        for (ServiceReference<Auditor> ref : bc.getServiceReferences(Auditor.class, null)) {
            Auditor a = bc.getService(ref);
            if (a != null && (only == null || List.of(only.split(",")).contains(a.name()))) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparing(Auditor::name));
        if (only != null && out.isEmpty()) {
            throw new UsageException("no installed auditor is named " + only, USAGE);
        }
        return out;
    }
}
