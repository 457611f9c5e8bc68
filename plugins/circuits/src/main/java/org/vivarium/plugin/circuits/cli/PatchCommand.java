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
import org.vivarium.plugin.circuits.patch.ActivationPatcher;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.patch.PatchDirection;
import org.vivarium.plugin.circuits.patch.PatchResult;
import org.vivarium.plugin.circuits.patch.PositionSite;
import org.vivarium.plugin.circuits.report.PatchFiles;
import org.vivarium.plugin.circuits.report.Plots;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * {@code viv circuits patch CKPT ...}: activation patching between a clean and a corrupted prompt (or, with
 * {@code --induction}, repeated random tokens {@code A A} against {@code B A}) over the residual stream, attention
 * and MLP outputs per layer and position, and per head over {@code z, q, k, v, pattern}.
 */
public final class PatchCommand implements MethodCommand {
    static final List<CommandOption> OPTIONS = PatchInputs.with(
            CommandOption.text("mode", "denoise|noise", "patch clean into corrupted or the reverse (default denoise)"),
            CommandOption.list("sites", "SITES", "sites patched (default resid_pre,attn_out,mlp_out,z,q,k,v,pattern)"),
            CommandOption.path("out", "DIR", "output directory (default runs/circuits/MODEL/patch)"));

    /** The sites patched (and estimated by {@code attribute}) when {@code --sites} is not given. */
    static final List<String> DEFAULT_SITES = List.of("resid_pre", "attn_out", "mlp_out", "z", "q", "k", "v", "pattern");

    static final String USAGE = "CKPT (--clean TEXT --corrupt TEXT (--answer TOK --wrong TOK | --span FROM:TO)"
            + " | --induction [--sequences 16] [--seed 1]) [--mode denoise|noise]"
            + " [--sites resid_pre,attn_out,mlp_out,z,q,k,v,pattern] [--out DIR]";

    @Override
    public String name() {
        return "patch";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "activation patching (denoising or noising) per layer x position and per head, as heatmaps";
    }

    @Override
    public List<CommandOption> options() {
        return OPTIONS;
    }

    @Override
    public int run(CommandInput a, MethodContext ctx) {
        Path ckpt = CommandInputs.checkpoint(a, ctx.workDir());
        Path out = CommandInputs.out(a, ctx.workDir(), ckpt, "patch");
        PatchDirection dir = PatchDirection.parse(a.get("mode", "denoise"));
        List<PositionSite> posSites = new ArrayList<>();
        List<HeadSite> headSites = new ArrayList<>();
        sites(a.getList("sites", DEFAULT_SITES), posSites, headSites);
        try (Model model = ctx.runtime().load(ckpt)) {
            ModelConfig cfg = model.config();
            PatchInputs in = PatchInputs.of(a, model, "viv circuits patch " + USAGE);
            int[][] clean = in.clean();
            ActivationPatcher patcher = new ActivationPatcher(model, clean, in.corrupted(), in.metric());
            PatchResult r;
            try (Progress p = ctx.progress("patching " + dir.id(),
                    ActivationPatcher.passes(cfg, clean[0].length, posSites, headSites), "pass")) {
                r = patcher.run(dir, posSites, headSites, p);
            }
            Map<String, String> images = PatchFiles.write(out, "patch", r, in.labels(), cfg.nHeads());
            print(ctx, r, cfg, out, images);
        }
        return 0;
    }

    static void sites(List<String> names, List<PositionSite> pos, List<HeadSite> heads) {
        for (String n : names) {
            String s = n.toLowerCase(Locale.ROOT);
            PositionSite p = switch (s) {
                case "resid_pre" -> PositionSite.RESID_PRE;
                case "attn_out" -> PositionSite.ATTN_OUT;
                case "mlp_out" -> PositionSite.MLP_OUT;
                default -> null;
            };
            if (p != null) {
                pos.add(p);
                continue;
            }
            HeadSite h = switch (s) {
                case "z" -> HeadSite.Z;
                case "q" -> HeadSite.Q;
                case "k" -> HeadSite.K;
                case "v" -> HeadSite.V;
                case "pattern" -> HeadSite.PATTERN;
                default -> throw new VivariumException("unknown patching site \"" + n + "\"",
                        "use some of resid_pre, attn_out, mlp_out, z, q, k, v, pattern");
            };
            heads.add(h);
        }
    }

    private static void print(MethodContext ctx, PatchResult r, ModelConfig cfg, Path out, Map<String, String> images) {
        ctx.out().printf(Locale.ROOT, "%s, %s: clean %.4f, corrupted %.4f%n", r.metric(), r.direction().id(),
                r.clean(), r.corrupted());
        if (cfg.attnOnly()) {
            ctx.out().println("attention-only model: no mlp_out sites");
        }
        if (!r.byHead().isEmpty()) {
            Table t = Table.of(headerFor(cfg));
            r.byHead().forEach((site, m) -> {
                double[][] n = r.normalized(m);
                for (int l = 0; l < n.length; l++) {
                    List<Object> row = new ArrayList<>();
                    row.add(site.id() + " L" + l);
                    for (double v : n[l]) {
                        row.add(v);
                    }
                    t.row(row);
                }
            });
            ctx.out().println("per head, normalised (0 = corrupted, 1 = clean):");
            ctx.out().print(MarkdownTable.of(t).decimals(3).render());
        }
        ctx.out().println("wrote " + out + " (patch.json, " + String.join(", ", images.keySet()) + ")");
    }

    private static List<String> headerFor(ModelConfig cfg) {
        List<String> h = new ArrayList<>(List.of("site"));
        h.addAll(Plots.heads(cfg.nHeads()));
        return h;
    }
}
