package org.vivarium.plugin.circuits.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.plugin.circuits.attribution.AttributionComparison;
import org.vivarium.plugin.circuits.attribution.AttributionPatcher;
import org.vivarium.plugin.circuits.patch.ActivationPatcher;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.patch.PatchDirection;
import org.vivarium.plugin.circuits.patch.PatchResult;
import org.vivarium.plugin.circuits.patch.PositionSite;
import org.vivarium.plugin.circuits.report.AttributionFiles;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * {@code viv circuits attribute CKPT ...}: attribution patching (gradient x activation difference, one backward
 * pass) over the same sites as {@code patch}, then real activation patching over those sites and the correlation
 * between the two.
 */
public final class AttributeCommand implements MethodCommand {
    static final String USAGE = "CKPT (--clean TEXT --corrupt TEXT (--answer TOK --wrong TOK | --span FROM:TO)"
            + " | --task induction [--sequences 16] [--seed 1]) [--mode noise|denoise]"
            + " [--sites resid_pre,attn_out,mlp_out,z,q,k,v,pattern] [--no-patching] [--out DIR]";
    static final List<CommandOption> OPTIONS = PatchInputs.with(
            CommandOption.text("task", "induction", "a built-in task (same as --induction)"),
            CommandOption.text("mode", "noise|denoise", "estimate noising or denoising (default noise)"),
            CommandOption.list("sites", "SITES", "sites estimated (default resid_pre,attn_out,mlp_out,z,q,k,v,pattern)"),
            CommandOption.flag("no-patching", "skip the real patching (and the correlation)"),
            CommandOption.path("out", "DIR", "output directory (default runs/circuits/MODEL/attribute)"));

    @Override
    public String name() {
        return "attribute";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "attribution patching (gradient x activation difference) and its correlation with real patching";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        Path ckpt = CommandInputs.checkpoint(a, ctx.workDir());
        Path out = CommandInputs.out(a, ctx.workDir(), ckpt, "attribute");
        PatchDirection dir = PatchDirection.parse(a.get("mode", "noise"));
        boolean induction = a.flag("induction") || task(a);
        List<PositionSite> posSites = new ArrayList<>();
        List<HeadSite> headSites = new ArrayList<>();
        PatchCommand.sites(a.getList("sites", PatchCommand.DEFAULT_SITES), posSites, headSites);
        try (Model model = ctx.runtime().load(ckpt)) {
            ModelConfig cfg = model.config();
            PatchInputs in = PatchInputs.of(a, model, "viv circuits attribute " + USAGE, induction);
            int[][] clean = in.clean();
            long t0 = System.nanoTime();
            PatchResult estimate = new AttributionPatcher(model, clean, in.corrupted(), in.metric())
                    .run(dir, posSites, headSites);
            double attributionSeconds = (System.nanoTime() - t0) / 1e9;
            PatchResult measured = null;
            double patchingSeconds = Double.NaN;
            if (!a.flag("no-patching")) {
                t0 = System.nanoTime();
                try (Progress p = ctx.progress("patching " + dir.id() + " (to compare)",
                        ActivationPatcher.passes(cfg, clean[0].length, posSites, headSites), "pass")) {
                    measured = new ActivationPatcher(model, clean, in.corrupted(), in.metric())
                            .run(dir, posSites, headSites, p);
                }
                patchingSeconds = (System.nanoTime() - t0) / 1e9;
            }
            AttributionComparison cmp = measured == null ? null : AttributionComparison.of(estimate, measured);
            Map<String, String> images = AttributionFiles.write(out, estimate, measured, cmp, in.labels(),
                    cfg.nHeads(), attributionSeconds, patchingSeconds);
            print(ctx, estimate, cmp, cfg, attributionSeconds, patchingSeconds);
            ctx.out().println("wrote " + out + " (attribute.json, attribution.json, "
                    + (measured == null ? "" : "patch.json, ") + String.join(", ", images.keySet()) + ")");
        }
        return 0;
    }

    private static boolean task(CommandInput a) {
        if (!a.has("task")) {
            return false;
        }
        String task = a.get("task", "");
        if (!task.equals("induction")) {
            throw new VivariumException("unknown attribution task \"" + task + "\"",
                    "use --task induction (repeated random tokens A A against B A, loss on the repeat), or give"
                            + " --clean and --corrupt prompts");
        }
        return true;
    }

    private static void print(MethodContext ctx, PatchResult r, AttributionComparison cmp, ModelConfig cfg,
            double attributionSeconds, double patchingSeconds) {
        ctx.out().printf(Locale.ROOT, "%s, %s: clean %.4f, corrupted %.4f%n", r.metric(), r.direction().id(),
                r.clean(), r.corrupted());
        if (cfg.attnOnly()) {
            ctx.out().println("attention-only model: no mlp_out sites");
        }
        ctx.out().printf(Locale.ROOT, "attribution: 2 forward passes + 1 backward pass, %.2f s%n", attributionSeconds);
        if (cmp == null) {
            ctx.out().println("real patching skipped (--no-patching): no correlation");
            return;
        }
        ctx.out().printf(Locale.ROOT, "real patching: %.2f s%n", patchingSeconds);
        Table t = Table.of("sites", "n", "Pearson r", "Spearman rho");
        t.row("all", cmp.all().sites(), cmp.all().pearson(), cmp.all().spearman());
        cmp.bySite().forEach((site, f) -> t.row(site, f.sites(), f.pearson(), f.spearman()));
        ctx.out().println("attribution vs real patching (change of the metric per site):");
        ctx.out().print(MarkdownTable.of(t).decimals(3).render());
    }
}
