package org.vivarium.launcher.audit;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.ExitCodes;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.method.HostMethodContext;
import org.vivarium.launcher.method.ReportProgress;

/**
 * Runs auditors one after another on their targets, timing each, and files their sections, or their errors, into
 * an {@link AuditReport}: a failing auditor is recorded and the others go on.
 */
final class AuditorRunner {
    private AuditorRunner() {
    }

    /**
     * Runs every auditor.
     *
     * @param auditors the auditors, in order
     * @param targets makes each auditor's target (its own out dir)
     * @param report where sections, failures and seconds go
     * @param ctx streams and host
     * @param progress prefix of the progress line on stderr per auditor, e.g. {@code seed 2/5: }
     */
    static void runAll(List<Auditor> auditors, Function<Auditor, AuditTarget> targets, AuditReport report,
            CliContext ctx, String progress) {
        VivariumHost host = ctx.host();
        for (Auditor a : auditors) {
            ctx.err().println(progress + a.name() + " ...");
            long t0 = System.nanoTime();
            try {
                AuditTarget target = targets.apply(a);
                HostMethodContext mctx = new HostMethodContext(host::runtime, host::fineTuner, ctx.out(),
                        ctx.workDir(), ReportProgress.factory(ctx.err()));
                Files.createDirectories(target.outDir());
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
            } finally {
                report.timed(a.name(), (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    /**
     * Turns failed auditors into the command's exit code, printing one error line if there are any.
     *
     * @param failed names of failed auditor runs (e.g. {@code steering} or {@code steering (seed 3)})
     * @param ctx streams
     * @return {@link ExitCodes#OK} if none failed, else {@link ExitCodes#ERROR}
     */
    static int exitCode(List<String> failed, CliContext ctx) {
        if (failed.isEmpty()) {
            return ExitCodes.OK;
        }
        ctx.err().println("error: " + failed.size() + " auditor run(s) failed: " + String.join(", ", failed)
                + "; the report lists the errors (rerun with --methods NAME and --debug to see one)");
        return ExitCodes.ERROR;
    }
}
